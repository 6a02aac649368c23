from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_comparison_better import CampaignComparisonBetter
from ..models.campaign_comparison_select import CampaignComparisonSelect

if TYPE_CHECKING:
    from ..models.campaign_comparison_friedman_type_0 import (
        CampaignComparisonFriedmanType0,
    )
    from ..models.campaign_comparison_groups_item import CampaignComparisonGroupsItem
    from ..models.campaign_comparison_rows_item import CampaignComparisonRowsItem
    from ..models.campaign_run_selection import CampaignRunSelection
    from ..models.context import Context


T = TypeVar("T", bound="CampaignComparison")


@_attrs_define
class CampaignComparison:
    """
    Attributes:
        campaign (str):
        metric (str):
        context (Context):
        select (CampaignComparisonSelect):
        by (str):
        baseline (Any): The baseline value of `by`
        pair_on (list[str]):
        better (CampaignComparisonBetter):
        selection (CampaignRunSelection): The runs the report is over
        groups (list['CampaignComparisonGroupsItem']):
        rows (list['CampaignComparisonRowsItem']): One per group other than the baseline, in the groups' order
        friedman (Union['CampaignComparisonFriedmanType0', None]):
    """

    campaign: str
    metric: str
    context: "Context"
    select: CampaignComparisonSelect
    by: str
    baseline: Any
    pair_on: list[str]
    better: CampaignComparisonBetter
    selection: "CampaignRunSelection"
    groups: list["CampaignComparisonGroupsItem"]
    rows: list["CampaignComparisonRowsItem"]
    friedman: Union["CampaignComparisonFriedmanType0", None]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.campaign_comparison_friedman_type_0 import (
            CampaignComparisonFriedmanType0,
        )

        campaign = self.campaign

        metric = self.metric

        context = self.context.to_dict()

        select = self.select.value

        by = self.by

        baseline = self.baseline

        pair_on = self.pair_on

        better = self.better.value

        selection = self.selection.to_dict()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        friedman: Union[None, dict[str, Any]]
        if isinstance(self.friedman, CampaignComparisonFriedmanType0):
            friedman = self.friedman.to_dict()
        else:
            friedman = self.friedman

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign": campaign,
                "metric": metric,
                "context": context,
                "select": select,
                "by": by,
                "baseline": baseline,
                "pair_on": pair_on,
                "better": better,
                "selection": selection,
                "groups": groups,
                "rows": rows,
                "friedman": friedman,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_comparison_friedman_type_0 import (
            CampaignComparisonFriedmanType0,
        )
        from ..models.campaign_comparison_groups_item import (
            CampaignComparisonGroupsItem,
        )
        from ..models.campaign_comparison_rows_item import CampaignComparisonRowsItem
        from ..models.campaign_run_selection import CampaignRunSelection
        from ..models.context import Context

        d = dict(src_dict)
        campaign = d.pop("campaign")

        metric = d.pop("metric")

        context = Context.from_dict(d.pop("context"))

        select = CampaignComparisonSelect(d.pop("select"))

        by = d.pop("by")

        baseline = d.pop("baseline")

        pair_on = cast(list[str], d.pop("pair_on"))

        better = CampaignComparisonBetter(d.pop("better"))

        selection = CampaignRunSelection.from_dict(d.pop("selection"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = CampaignComparisonGroupsItem.from_dict(groups_item_data)

            groups.append(groups_item)

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = CampaignComparisonRowsItem.from_dict(rows_item_data)

            rows.append(rows_item)

        def _parse_friedman(
            data: object,
        ) -> Union["CampaignComparisonFriedmanType0", None]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                friedman_type_0 = CampaignComparisonFriedmanType0.from_dict(data)

                return friedman_type_0
            except:  # noqa: E722
                pass
            return cast(Union["CampaignComparisonFriedmanType0", None], data)

        friedman = _parse_friedman(d.pop("friedman"))

        campaign_comparison = cls(
            campaign=campaign,
            metric=metric,
            context=context,
            select=select,
            by=by,
            baseline=baseline,
            pair_on=pair_on,
            better=better,
            selection=selection,
            groups=groups,
            rows=rows,
            friedman=friedman,
        )

        campaign_comparison.additional_properties = d
        return campaign_comparison

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
