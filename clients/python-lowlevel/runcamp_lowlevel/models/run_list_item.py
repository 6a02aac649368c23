from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_failure import RunFailure
    from ..models.run_list_item_columns import RunListItemColumns
    from ..models.run_list_item_params import RunListItemParams
    from ..models.run_list_item_provenance_type_0 import RunListItemProvenanceType0
    from ..models.run_list_item_tag_values import RunListItemTagValues


T = TypeVar("T", bound="RunListItem")


@_attrs_define
class RunListItem:
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
        params (RunListItemParams):
        tags (list[str]): Labels: a tag is present or absent
        tag_values (RunListItemTagValues): Key/value tags, as the MLflow dialect received them (mlflow.user, team:
            eco…); {} for runs logged through /v1
        parent (Union[None, str]): The id of the run this one is nested in (MLflow's nested runs: the mlflow.parentRunId
            tag), null for a top-level run
        created_at (str):
        updated_at (str):
        ended_at (Union[None, str]):
        failure (Union['RunFailure', None]): Why the run failed, as the SDK saw it: the uncaught exception's type and
            message (null when none was reported)
        last_activity_at (str): The run's last sign of life: ingest, values, logs, create/resume or an SDK heartbeat
        stale (bool): Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its
            process most likely died
        provenance (Union['RunListItemProvenanceType0', None, Unset]):
        columns (Union[Unset, RunListItemColumns]): With columns=: each requested column's value by its text as
            requested (null where the run lacks it); non-finite numbers as strings
    """

    id: str
    repo: str
    name: str
    experiment: str
    description: str
    status: RunStatus
    archived: bool
    campaign: Union[None, str]
    params: "RunListItemParams"
    tags: list[str]
    tag_values: "RunListItemTagValues"
    parent: Union[None, str]
    created_at: str
    updated_at: str
    ended_at: Union[None, str]
    failure: Union["RunFailure", None]
    last_activity_at: str
    stale: bool
    provenance: Union["RunListItemProvenanceType0", None, Unset] = UNSET
    columns: Union[Unset, "RunListItemColumns"] = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_failure import RunFailure
        from ..models.run_list_item_provenance_type_0 import RunListItemProvenanceType0

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

        provenance: Union[None, Unset, dict[str, Any]]
        if isinstance(self.provenance, Unset):
            provenance = UNSET
        elif isinstance(self.provenance, RunListItemProvenanceType0):
            provenance = self.provenance.to_dict()
        else:
            provenance = self.provenance

        columns: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.columns, Unset):
            columns = self.columns.to_dict()

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
                "created_at": created_at,
                "updated_at": updated_at,
                "ended_at": ended_at,
                "failure": failure,
                "last_activity_at": last_activity_at,
                "stale": stale,
            }
        )
        if provenance is not UNSET:
            field_dict["provenance"] = provenance
        if columns is not UNSET:
            field_dict["columns"] = columns

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_failure import RunFailure
        from ..models.run_list_item_columns import RunListItemColumns
        from ..models.run_list_item_params import RunListItemParams
        from ..models.run_list_item_provenance_type_0 import RunListItemProvenanceType0
        from ..models.run_list_item_tag_values import RunListItemTagValues

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

        params = RunListItemParams.from_dict(d.pop("params"))

        tags = cast(list[str], d.pop("tags"))

        tag_values = RunListItemTagValues.from_dict(d.pop("tag_values"))

        def _parse_parent(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        parent = _parse_parent(d.pop("parent"))

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

        def _parse_provenance(
            data: object,
        ) -> Union["RunListItemProvenanceType0", None, Unset]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provenance_type_0 = RunListItemProvenanceType0.from_dict(data)

                return provenance_type_0
            except:  # noqa: E722
                pass
            return cast(Union["RunListItemProvenanceType0", None, Unset], data)

        provenance = _parse_provenance(d.pop("provenance", UNSET))

        _columns = d.pop("columns", UNSET)
        columns: Union[Unset, RunListItemColumns]
        if isinstance(_columns, Unset):
            columns = UNSET
        else:
            columns = RunListItemColumns.from_dict(_columns)

        run_list_item = cls(
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
            created_at=created_at,
            updated_at=updated_at,
            ended_at=ended_at,
            failure=failure,
            last_activity_at=last_activity_at,
            stale=stale,
            provenance=provenance,
            columns=columns,
        )

        run_list_item.additional_properties = d
        return run_list_item

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
