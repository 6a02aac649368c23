from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_params import CampaignParams


T = TypeVar("T", bound="Campaign")


@_attrs_define
class Campaign:
    """
    Attributes:
        id (str):
        repo (str):
        name (str):
        description (str):
        params (CampaignParams):
        run_count (float):
        created_at (str):
    """

    id: str
    repo: str
    name: str
    description: str
    params: "CampaignParams"
    run_count: float
    created_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        repo = self.repo

        name = self.name

        description = self.description

        params = self.params.to_dict()

        run_count = self.run_count

        created_at = self.created_at

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
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_params import CampaignParams

        d = dict(src_dict)
        id = d.pop("id")

        repo = d.pop("repo")

        name = d.pop("name")

        description = d.pop("description")

        params = CampaignParams.from_dict(d.pop("params"))

        run_count = d.pop("run_count")

        created_at = d.pop("created_at")

        campaign = cls(
            id=id,
            repo=repo,
            name=name,
            description=description,
            params=params,
            run_count=run_count,
            created_at=created_at,
        )

        campaign.additional_properties = d
        return campaign

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
