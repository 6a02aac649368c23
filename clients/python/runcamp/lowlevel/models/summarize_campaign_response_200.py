from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.summarize_campaign_response_200_select import (
    SummarizeCampaignResponse200Select,
)

if TYPE_CHECKING:
    from ..models.summarize_campaign_response_200_rows_item import (
        SummarizeCampaignResponse200RowsItem,
    )


T = TypeVar("T", bound="SummarizeCampaignResponse200")


@_attrs_define
class SummarizeCampaignResponse200:
    """
    Attributes:
        campaign (str):
        group_by (list[str]):
        select (SummarizeCampaignResponse200Select):
        rows (list['SummarizeCampaignResponse200RowsItem']):
    """

    campaign: str
    group_by: list[str]
    select: SummarizeCampaignResponse200Select
    rows: list["SummarizeCampaignResponse200RowsItem"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign = self.campaign

        group_by = self.group_by

        select = self.select.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign": campaign,
                "group_by": group_by,
                "select": select,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.summarize_campaign_response_200_rows_item import (
            SummarizeCampaignResponse200RowsItem,
        )

        d = dict(src_dict)
        campaign = d.pop("campaign")

        group_by = cast(list[str], d.pop("group_by"))

        select = SummarizeCampaignResponse200Select(d.pop("select"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = SummarizeCampaignResponse200RowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        summarize_campaign_response_200 = cls(
            campaign=campaign,
            group_by=group_by,
            select=select,
            rows=rows,
        )

        summarize_campaign_response_200.additional_properties = d
        return summarize_campaign_response_200

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
