from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

if TYPE_CHECKING:
    from ..models.campaign_comparison_friedman_type_0_ranks_item import (
        CampaignComparisonFriedmanType0RanksItem,
    )


T = TypeVar("T", bound="CampaignComparisonFriedmanType0")


@_attrs_define
class CampaignComparisonFriedmanType0:
    """With three or more groups: the Friedman test over the complete blocks, average ranks and the Nemenyi critical
    difference; else null

        Attributes:
            n_blocks (float): Complete blocks: pair_on values with a result in every group
            statistic (Union[None, WireNumberType1, float]): Friedman's χ² (tie-corrected, as scipy.stats.friedmanchisquare)
            p (Union[None, WireNumberType1, float]): P(χ²(k − 1) ≥ statistic)
            ranks (list['CampaignComparisonFriedmanType0RanksItem']): Average rank per group over the blocks, 1 = best (see
                better), in the groups' order
            critical_difference (Union[None, WireNumberType1, float]): Nemenyi critical difference at α = 0.05: q(0.95, k,
                ∞)/√2 · √(k(k+1)/(6·n_blocks))
            reason (Union[None, str]):
    """

    n_blocks: float
    statistic: Union[None, WireNumberType1, float]
    p: Union[None, WireNumberType1, float]
    ranks: list["CampaignComparisonFriedmanType0RanksItem"]
    critical_difference: Union[None, WireNumberType1, float]
    reason: Union[None, str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        n_blocks = self.n_blocks

        statistic: Union[None, float, str]
        if isinstance(self.statistic, WireNumberType1):
            statistic = self.statistic.value
        else:
            statistic = self.statistic

        p: Union[None, float, str]
        if isinstance(self.p, WireNumberType1):
            p = self.p.value
        else:
            p = self.p

        ranks = []
        for ranks_item_data in self.ranks:
            ranks_item = ranks_item_data.to_dict()
            ranks.append(ranks_item)

        critical_difference: Union[None, float, str]
        if isinstance(self.critical_difference, WireNumberType1):
            critical_difference = self.critical_difference.value
        else:
            critical_difference = self.critical_difference

        reason: Union[None, str]
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "n_blocks": n_blocks,
                "statistic": statistic,
                "p": p,
                "ranks": ranks,
                "critical_difference": critical_difference,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_comparison_friedman_type_0_ranks_item import (
            CampaignComparisonFriedmanType0RanksItem,
        )

        d = dict(src_dict)
        n_blocks = d.pop("n_blocks")

        def _parse_statistic(data: object) -> Union[None, WireNumberType1, float]:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wire_number_type_1 = WireNumberType1(data)

                return componentsschemas_wire_number_type_1
            except:  # noqa: E722
                pass
            return cast(Union[None, WireNumberType1, float], data)

        statistic = _parse_statistic(d.pop("statistic"))

        def _parse_p(data: object) -> Union[None, WireNumberType1, float]:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wire_number_type_1 = WireNumberType1(data)

                return componentsschemas_wire_number_type_1
            except:  # noqa: E722
                pass
            return cast(Union[None, WireNumberType1, float], data)

        p = _parse_p(d.pop("p"))

        ranks = []
        _ranks = d.pop("ranks")
        for ranks_item_data in _ranks:
            ranks_item = CampaignComparisonFriedmanType0RanksItem.from_dict(
                ranks_item_data
            )

            ranks.append(ranks_item)

        def _parse_critical_difference(
            data: object,
        ) -> Union[None, WireNumberType1, float]:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wire_number_type_1 = WireNumberType1(data)

                return componentsschemas_wire_number_type_1
            except:  # noqa: E722
                pass
            return cast(Union[None, WireNumberType1, float], data)

        critical_difference = _parse_critical_difference(d.pop("critical_difference"))

        def _parse_reason(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        reason = _parse_reason(d.pop("reason"))

        campaign_comparison_friedman_type_0 = cls(
            n_blocks=n_blocks,
            statistic=statistic,
            p=p,
            ranks=ranks,
            critical_difference=critical_difference,
            reason=reason,
        )

        campaign_comparison_friedman_type_0.additional_properties = d
        return campaign_comparison_friedman_type_0

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
