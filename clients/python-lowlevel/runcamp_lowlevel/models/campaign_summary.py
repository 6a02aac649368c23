from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_summary_select import CampaignSummarySelect

if TYPE_CHECKING:
    from ..models.campaign_run_selection import CampaignRunSelection
    from ..models.campaign_summary_rows_item import CampaignSummaryRowsItem


T = TypeVar("T", bound="CampaignSummary")


@_attrs_define
class CampaignSummary:
    """
    Attributes:
        campaign (str):
        group_by (list[str]):
        pooled (list[str]): Repetition params (seed, split, fold) that vary but were left out of the default group_by:
            each group pools their runs. Empty when group_by was given.
        select (CampaignSummarySelect):
        selection (CampaignRunSelection): The runs the report is over
        rows (list['CampaignSummaryRowsItem']):
    """

    campaign: str
    group_by: list[str]
    pooled: list[str]
    select: CampaignSummarySelect
    selection: "CampaignRunSelection"
    rows: list["CampaignSummaryRowsItem"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign = self.campaign

        group_by = self.group_by

        pooled = self.pooled

        select = self.select.value

        selection = self.selection.to_dict()

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
                "pooled": pooled,
                "select": select,
                "selection": selection,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_run_selection import CampaignRunSelection
        from ..models.campaign_summary_rows_item import CampaignSummaryRowsItem

        d = dict(src_dict)
        campaign = d.pop("campaign")

        group_by = cast(list[str], d.pop("group_by"))

        pooled = cast(list[str], d.pop("pooled"))

        select = CampaignSummarySelect(d.pop("select"))

        selection = CampaignRunSelection.from_dict(d.pop("selection"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = CampaignSummaryRowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        campaign_summary = cls(
            campaign=campaign,
            group_by=group_by,
            pooled=pooled,
            select=select,
            selection=selection,
            rows=rows,
        )

        campaign_summary.additional_properties = d
        return campaign_summary

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
