from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus

if TYPE_CHECKING:
    from ..models.run_detail_params import RunDetailParams
    from ..models.run_detail_provenance_type_0 import RunDetailProvenanceType0
    from ..models.run_detail_tag_values import RunDetailTagValues
    from ..models.run_failure import RunFailure
    from ..models.run_input import RunInput
    from ..models.run_value import RunValue
    from ..models.series_summary import SeriesSummary


T = TypeVar("T", bound="RunDetail")


@_attrs_define
class RunDetail:
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
        params (RunDetailParams):
        tags (list[str]): Labels: a tag is present or absent
        tag_values (RunDetailTagValues): Key/value tags, as the MLflow dialect received them (mlflow.user, team: eco…);
            {} for runs logged through /v1
        parent (Union[None, str]): The id of the run this one is nested in (MLflow's nested runs: the mlflow.parentRunId
            tag), null for a top-level run
        provenance (Union['RunDetailProvenanceType0', None]):
        created_at (str):
        updated_at (str):
        ended_at (Union[None, str]):
        failure (Union['RunFailure', None]): Why the run failed, as the SDK saw it: the uncaught exception's type and
            message (null when none was reported)
        last_activity_at (str): The run's last sign of life: ingest, values, logs, create/resume or an SDK heartbeat
        stale (bool): Running, but silent for longer than the server's staleness time (RUNCAMP_STALE_AFTER_SECONDS): its
            process most likely died
        values (list['RunValue']):
        inputs (list['RunInput']): The datasets the run used (POST .../inputs, MLflow's log_input), in the order first
            logged
        metrics (list['SeriesSummary']): The run's first 1,000 series in (name, context) order
        metrics_next_cursor (Union[None, str]): When the run has more series: the cursor for GET
            /v1/repos/{repo}/runs/{run}/metrics?cursor=… (which pages through the rest)
    """

    id: str
    repo: str
    name: str
    experiment: str
    description: str
    status: RunStatus
    archived: bool
    campaign: Union[None, str]
    params: "RunDetailParams"
    tags: list[str]
    tag_values: "RunDetailTagValues"
    parent: Union[None, str]
    provenance: Union["RunDetailProvenanceType0", None]
    created_at: str
    updated_at: str
    ended_at: Union[None, str]
    failure: Union["RunFailure", None]
    last_activity_at: str
    stale: bool
    values: list["RunValue"]
    inputs: list["RunInput"]
    metrics: list["SeriesSummary"]
    metrics_next_cursor: Union[None, str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_detail_provenance_type_0 import RunDetailProvenanceType0
        from ..models.run_failure import RunFailure

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
        if isinstance(self.provenance, RunDetailProvenanceType0):
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

        values = []
        for values_item_data in self.values:
            values_item = values_item_data.to_dict()
            values.append(values_item)

        inputs = []
        for inputs_item_data in self.inputs:
            inputs_item = inputs_item_data.to_dict()
            inputs.append(inputs_item)

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        metrics_next_cursor: Union[None, str]
        metrics_next_cursor = self.metrics_next_cursor

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
                "values": values,
                "inputs": inputs,
                "metrics": metrics,
                "metrics_next_cursor": metrics_next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_detail_params import RunDetailParams
        from ..models.run_detail_provenance_type_0 import RunDetailProvenanceType0
        from ..models.run_detail_tag_values import RunDetailTagValues
        from ..models.run_failure import RunFailure
        from ..models.run_input import RunInput
        from ..models.run_value import RunValue
        from ..models.series_summary import SeriesSummary

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

        params = RunDetailParams.from_dict(d.pop("params"))

        tags = cast(list[str], d.pop("tags"))

        tag_values = RunDetailTagValues.from_dict(d.pop("tag_values"))

        def _parse_parent(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        parent = _parse_parent(d.pop("parent"))

        def _parse_provenance(data: object) -> Union["RunDetailProvenanceType0", None]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provenance_type_0 = RunDetailProvenanceType0.from_dict(data)

                return provenance_type_0
            except:  # noqa: E722
                pass
            return cast(Union["RunDetailProvenanceType0", None], data)

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

        values = []
        _values = d.pop("values")
        for values_item_data in _values:
            values_item = RunValue.from_dict(values_item_data)

            values.append(values_item)

        inputs = []
        _inputs = d.pop("inputs")
        for inputs_item_data in _inputs:
            inputs_item = RunInput.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = SeriesSummary.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        def _parse_metrics_next_cursor(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        metrics_next_cursor = _parse_metrics_next_cursor(d.pop("metrics_next_cursor"))

        run_detail = cls(
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
            values=values,
            inputs=inputs,
            metrics=metrics,
            metrics_next_cursor=metrics_next_cursor,
        )

        run_detail.additional_properties = d
        return run_detail

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
