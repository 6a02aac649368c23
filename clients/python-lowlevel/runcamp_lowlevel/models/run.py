from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus

if TYPE_CHECKING:
    from ..models.run_failure import RunFailure
    from ..models.run_params import RunParams
    from ..models.run_provenance_type_0 import RunProvenanceType0
    from ..models.run_tag_values import RunTagValues


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """
    Attributes:
        id (str):
        repo (str):
        name (str):
        experiment (str):
        description (str):
        status (RunStatus):
        archived (bool):
        campaign (Union[None, str]):
        params (RunParams):
        tags (list[str]): Labels: a tag is present or absent
        tag_values (RunTagValues): Key/value tags, as the MLflow dialect received them (mlflow.user, team: eco…); {} for
            runs logged through /v1
        parent (Union[None, str]): The id of the run this one is nested in (MLflow's nested runs: the mlflow.parentRunId
            tag), null for a top-level run
        provenance (Union['RunProvenanceType0', None]):
        created_at (str):
        updated_at (str):
        ended_at (Union[None, str]):
        failure (Union['RunFailure', None]): Why the run failed, as the SDK saw it: the uncaught exception's type and
            message (null when none was reported)
        last_activity_at (str): The run's last sign of life: ingest, values, logs, create/resume or an SDK heartbeat
        stale (bool): Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its
            process most likely died
    """

    id: str
    repo: str
    name: str
    experiment: str
    description: str
    status: RunStatus
    archived: bool
    campaign: Union[None, str]
    params: "RunParams"
    tags: list[str]
    tag_values: "RunTagValues"
    parent: Union[None, str]
    provenance: Union["RunProvenanceType0", None]
    created_at: str
    updated_at: str
    ended_at: Union[None, str]
    failure: Union["RunFailure", None]
    last_activity_at: str
    stale: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_failure import RunFailure
        from ..models.run_provenance_type_0 import RunProvenanceType0

        id = self.id

        repo = self.repo

        name = self.name

        experiment = self.experiment

        description = self.description

        status = self.status.value

        archived = self.archived

        campaign: Union[None, str]
        campaign = self.campaign

        params = self.params.to_dict()

        tags = self.tags

        tag_values = self.tag_values.to_dict()

        parent: Union[None, str]
        parent = self.parent

        provenance: Union[None, dict[str, Any]]
        if isinstance(self.provenance, RunProvenanceType0):
            provenance = self.provenance.to_dict()
        else:
            provenance = self.provenance

        created_at = self.created_at

        updated_at = self.updated_at

        ended_at: Union[None, str]
        ended_at = self.ended_at

        failure: Union[None, dict[str, Any]]
        if isinstance(self.failure, RunFailure):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        last_activity_at = self.last_activity_at

        stale = self.stale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "repo": repo,
                "name": name,
                "experiment": experiment,
                "description": description,
                "status": status,
                "archived": archived,
                "campaign": campaign,
                "params": params,
                "tags": tags,
                "tag_values": tag_values,
                "parent": parent,
                "provenance": provenance,
                "created_at": created_at,
                "updated_at": updated_at,
                "ended_at": ended_at,
                "failure": failure,
                "last_activity_at": last_activity_at,
                "stale": stale,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_failure import RunFailure
        from ..models.run_params import RunParams
        from ..models.run_provenance_type_0 import RunProvenanceType0
        from ..models.run_tag_values import RunTagValues

        d = dict(src_dict)
        id = d.pop("id")

        repo = d.pop("repo")

        name = d.pop("name")

        experiment = d.pop("experiment")

        description = d.pop("description")

        status = RunStatus(d.pop("status"))

        archived = d.pop("archived")

        def _parse_campaign(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        campaign = _parse_campaign(d.pop("campaign"))

        params = RunParams.from_dict(d.pop("params"))

        tags = cast(list[str], d.pop("tags"))

        tag_values = RunTagValues.from_dict(d.pop("tag_values"))

        def _parse_parent(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        parent = _parse_parent(d.pop("parent"))

        def _parse_provenance(data: object) -> Union["RunProvenanceType0", None]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provenance_type_0 = RunProvenanceType0.from_dict(data)

                return provenance_type_0
            except:  # noqa: E722
                pass
            return cast(Union["RunProvenanceType0", None], data)

        provenance = _parse_provenance(d.pop("provenance"))

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        def _parse_ended_at(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        def _parse_failure(data: object) -> Union["RunFailure", None]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_0 = RunFailure.from_dict(data)

                return failure_type_0
            except:  # noqa: E722
                pass
            return cast(Union["RunFailure", None], data)

        failure = _parse_failure(d.pop("failure"))

        last_activity_at = d.pop("last_activity_at")

        stale = d.pop("stale")

        run = cls(
            id=id,
            repo=repo,
            name=name,
            experiment=experiment,
            description=description,
            status=status,
            archived=archived,
            campaign=campaign,
            params=params,
            tags=tags,
            tag_values=tag_values,
            parent=parent,
            provenance=provenance,
            created_at=created_at,
            updated_at=updated_at,
            ended_at=ended_at,
            failure=failure,
            last_activity_at=last_activity_at,
            stale=stale,
        )

        run.additional_properties = d
        return run

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
