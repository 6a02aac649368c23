from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_comparison_rows_item_unpaired_item_side import (
    CampaignComparisonRowsItemUnpairedItemSide,
)

if TYPE_CHECKING:
    from ..models.campaign_comparison_rows_item_unpaired_item_pair import (
        CampaignComparisonRowsItemUnpairedItemPair,
    )


T = TypeVar("T", bound="CampaignComparisonRowsItemUnpairedItem")


@_attrs_define
class CampaignComparisonRowsItemUnpairedItem:
    """
    Attributes:
        run (str): The run's id
        side (CampaignComparisonRowsItemUnpairedItemSide): Whether the run is of the compared group or of the baseline
        pair (CampaignComparisonRowsItemUnpairedItemPair): Its values at the pair_on paths (null: the run lacks the
            param)
    """

    run: str
    side: CampaignComparisonRowsItemUnpairedItemSide
    pair: "CampaignComparisonRowsItemUnpairedItemPair"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run = self.run

        side = self.side.value

        pair = self.pair.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run": run,
                "side": side,
                "pair": pair,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_comparison_rows_item_unpaired_item_pair import (
            CampaignComparisonRowsItemUnpairedItemPair,
        )

        d = dict(src_dict)
        run = d.pop("run")

        side = CampaignComparisonRowsItemUnpairedItemSide(d.pop("side"))

        pair = CampaignComparisonRowsItemUnpairedItemPair.from_dict(d.pop("pair"))

        campaign_comparison_rows_item_unpaired_item = cls(
            run=run,
            side=side,
            pair=pair,
        )

        campaign_comparison_rows_item_unpaired_item.additional_properties = d
        return campaign_comparison_rows_item_unpaired_item

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
