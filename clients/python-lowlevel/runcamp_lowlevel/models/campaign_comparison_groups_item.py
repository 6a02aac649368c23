from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CampaignComparisonGroupsItem")


@_attrs_define
class CampaignComparisonGroupsItem:
    """
    Attributes:
        value (Any): The value of `by`
        runs (float): Selected runs with this value
        nan (float): Of them, runs whose result was NaN: counted here, left out of the pairs
        missing (float): Of them, runs without a result for the metric and context
    """

    value: Any
    runs: float
    nan: float
    missing: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        runs = self.runs

        nan = self.nan

        missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "runs": runs,
                "nan": nan,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        runs = d.pop("runs")

        nan = d.pop("nan")

        missing = d.pop("missing")

        campaign_comparison_groups_item = cls(
            value=value,
            runs=runs,
            nan=nan,
            missing=missing,
        )

        campaign_comparison_groups_item.additional_properties = d
        return campaign_comparison_groups_item

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
