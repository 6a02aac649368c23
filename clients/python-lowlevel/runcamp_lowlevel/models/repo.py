from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Repo")


@_attrs_define
class Repo:
    """
    Attributes:
        name (str):
        description (str):
        created_at (str):
        run_count (float):
        campaign_count (float):
        mlflow_experiment_id (str): The repo as an MLflow experiment: its id in the MLflow dialect (/api/2.0/mlflow) and
            in MLflow's URLs
    """

    name: str
    description: str
    created_at: str
    run_count: float
    campaign_count: float
    mlflow_experiment_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        created_at = self.created_at

        run_count = self.run_count

        campaign_count = self.campaign_count

        mlflow_experiment_id = self.mlflow_experiment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "created_at": created_at,
                "run_count": run_count,
                "campaign_count": campaign_count,
                "mlflow_experiment_id": mlflow_experiment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        created_at = d.pop("created_at")

        run_count = d.pop("run_count")

        campaign_count = d.pop("campaign_count")

        mlflow_experiment_id = d.pop("mlflow_experiment_id")

        repo = cls(
            name=name,
            description=description,
            created_at=created_at,
            run_count=run_count,
            campaign_count=campaign_count,
            mlflow_experiment_id=mlflow_experiment_id,
        )

        repo.additional_properties = d
        return repo

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
