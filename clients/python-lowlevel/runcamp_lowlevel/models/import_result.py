from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_result_campaigns import ImportResultCampaigns
    from ..models.import_result_runs import ImportResultRuns


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        repo_created (bool):
        campaigns (ImportResultCampaigns):
        runs (ImportResultRuns):
    """

    repo_created: bool
    campaigns: "ImportResultCampaigns"
    runs: "ImportResultRuns"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        repo_created = self.repo_created

        campaigns = self.campaigns.to_dict()

        runs = self.runs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "repo_created": repo_created,
                "campaigns": campaigns,
                "runs": runs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_result_campaigns import ImportResultCampaigns
        from ..models.import_result_runs import ImportResultRuns

        d = dict(src_dict)
        repo_created = d.pop("repo_created")

        campaigns = ImportResultCampaigns.from_dict(d.pop("campaigns"))

        runs = ImportResultRuns.from_dict(d.pop("runs"))

        import_result = cls(
            repo_created=repo_created,
            campaigns=campaigns,
            runs=runs,
        )

        import_result.additional_properties = d
        return import_result

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
