from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_detail_params import CampaignDetailParams
    from ..models.run import Run


T = TypeVar("T", bound="CampaignDetail")


@_attrs_define
class CampaignDetail:
    """
    Attributes:
        id (str):
        repo (str):
        name (str):
        description (str):
        params (CampaignDetailParams):
        run_count (float):
        created_at (str):
        runs (list['Run']):
    """

    id: str
    repo: str
    name: str
    description: str
    params: "CampaignDetailParams"
    run_count: float
    created_at: str
    runs: list["Run"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        repo = self.repo

        name = self.name

        description = self.description

        params = self.params.to_dict()

        run_count = self.run_count

        created_at = self.created_at

        runs = []
        for runs_item_data in self.runs:
            runs_item = runs_item_data.to_dict()
            runs.append(runs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "repo": repo,
                "name": name,
                "description": description,
                "params": params,
                "run_count": run_count,
                "created_at": created_at,
                "runs": runs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_detail_params import CampaignDetailParams
        from ..models.run import Run

        d = dict(src_dict)
        id = d.pop("id")

        repo = d.pop("repo")

        name = d.pop("name")

        description = d.pop("description")

        params = CampaignDetailParams.from_dict(d.pop("params"))

        run_count = d.pop("run_count")

        created_at = d.pop("created_at")

        runs = []
        _runs = d.pop("runs")
        for runs_item_data in _runs:
            runs_item = Run.from_dict(runs_item_data)

            runs.append(runs_item)

        campaign_detail = cls(
            id=id,
            repo=repo,
            name=name,
            description=description,
            params=params,
            run_count=run_count,
            created_at=created_at,
            runs=runs,
        )

        campaign_detail.additional_properties = d
        return campaign_detail

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
