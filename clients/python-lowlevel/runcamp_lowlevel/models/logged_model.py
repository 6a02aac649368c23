from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.logged_model_status import LoggedModelStatus

if TYPE_CHECKING:
    from ..models.logged_model_metrics_item import LoggedModelMetricsItem
    from ..models.logged_model_params import LoggedModelParams
    from ..models.logged_model_tags import LoggedModelTags
    from ..models.logged_model_versions_item import LoggedModelVersionsItem


T = TypeVar("T", bound="LoggedModel")


@_attrs_define
class LoggedModel:
    """
    Attributes:
        id (str): MLflow's model id, m-<32 hex>; models:/<id> loads it
        name (str):
        run (str): The run that logged it
        status (LoggedModelStatus):
        model_type (str):
        created_at (str):
        updated_at (str):
        tags (LoggedModelTags):
        params (LoggedModelParams):
        metrics (list['LoggedModelMetricsItem']):
        files (str): The folder of the run's artifacts holding the model's files
        versions (list['LoggedModelVersionsItem']):
    """

    id: str
    name: str
    run: str
    status: LoggedModelStatus
    model_type: str
    created_at: str
    updated_at: str
    tags: "LoggedModelTags"
    params: "LoggedModelParams"
    metrics: list["LoggedModelMetricsItem"]
    files: str
    versions: list["LoggedModelVersionsItem"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        run = self.run

        status = self.status.value

        model_type = self.model_type

        created_at = self.created_at

        updated_at = self.updated_at

        tags = self.tags.to_dict()

        params = self.params.to_dict()

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        files = self.files

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "run": run,
                "status": status,
                "model_type": model_type,
                "created_at": created_at,
                "updated_at": updated_at,
                "tags": tags,
                "params": params,
                "metrics": metrics,
                "files": files,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.logged_model_metrics_item import LoggedModelMetricsItem
        from ..models.logged_model_params import LoggedModelParams
        from ..models.logged_model_tags import LoggedModelTags
        from ..models.logged_model_versions_item import LoggedModelVersionsItem

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        run = d.pop("run")

        status = LoggedModelStatus(d.pop("status"))

        model_type = d.pop("model_type")

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        tags = LoggedModelTags.from_dict(d.pop("tags"))

        params = LoggedModelParams.from_dict(d.pop("params"))

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = LoggedModelMetricsItem.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        files = d.pop("files")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = LoggedModelVersionsItem.from_dict(versions_item_data)

            versions.append(versions_item)

        logged_model = cls(
            id=id,
            name=name,
            run=run,
            status=status,
            model_type=model_type,
            created_at=created_at,
            updated_at=updated_at,
            tags=tags,
            params=params,
            metrics=metrics,
            files=files,
            versions=versions,
        )

        logged_model.additional_properties = d
        return logged_model

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
