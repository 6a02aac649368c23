from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_comparison_rows_item_wilcoxon_method_type_0 import (
    CampaignComparisonRowsItemWilcoxonMethodType0,
)
from ..models.wire_number_type_1 import WireNumberType1

if TYPE_CHECKING:
    from ..models.campaign_comparison_rows_item_unpaired_item import (
        CampaignComparisonRowsItemUnpairedItem,
    )


T = TypeVar("T", bound="CampaignComparisonRowsItem")


@_attrs_define
class CampaignComparisonRowsItem:
    """
    Attributes:
        group (Any): The compared value of `by`
        n_pairs (float): Pairs counted (a pair with a NaN result on either side is left out)
        mean_diff (Union[None, WireNumberType1, float]): Mean of group − baseline over the pairs; null without pairs
        ci95_low (Union[None, WireNumberType1, float]): Lower end of the paired t 95% interval of the mean difference;
            null for n_pairs < 2
        ci95_high (Union[None, WireNumberType1, float]): Upper end of the paired t 95% interval of the mean difference;
            null for n_pairs < 2
        p_ttest (Union[None, WireNumberType1, float]): Two-sided paired t-test p-value (scipy.stats.ttest_rel); null
            when the test is undefined (see reason)
        p_wilcoxon (Union[None, WireNumberType1, float]): Two-sided Wilcoxon signed-rank p-value as
            scipy.stats.wilcoxon's defaults compute it: zeros dropped; exact for n ≤ 50 without ties or zeros; with ties or
            zeros, every sign flip for n ≤ 13, else the tie-corrected normal approximation without continuity correction
        wilcoxon_method (Union[CampaignComparisonRowsItemWilcoxonMethodType0, None]):
        p_holm (Union[None, WireNumberType1, float]): p_ttest adjusted by Holm's step-down method over the rows with a
            p_ttest
        effect_size (Union[None, WireNumberType1, float]): Cohen's d_z: mean difference / sample standard deviation of
            the differences
        reason (Union[None, str]): Why a statistic is null, if one is
        unpaired (list['CampaignComparisonRowsItemUnpairedItem']): The group's and the baseline's runs with a result
            that found no partner
    """

    group: Any
    n_pairs: float
    mean_diff: Union[None, WireNumberType1, float]
    ci95_low: Union[None, WireNumberType1, float]
    ci95_high: Union[None, WireNumberType1, float]
    p_ttest: Union[None, WireNumberType1, float]
    p_wilcoxon: Union[None, WireNumberType1, float]
    wilcoxon_method: Union[CampaignComparisonRowsItemWilcoxonMethodType0, None]
    p_holm: Union[None, WireNumberType1, float]
    effect_size: Union[None, WireNumberType1, float]
    reason: Union[None, str]
    unpaired: list["CampaignComparisonRowsItemUnpairedItem"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        n_pairs = self.n_pairs

        mean_diff: Union[None, float, str]
        if isinstance(self.mean_diff, WireNumberType1):
            mean_diff = self.mean_diff.value
        else:
            mean_diff = self.mean_diff

        ci95_low: Union[None, float, str]
        if isinstance(self.ci95_low, WireNumberType1):
            ci95_low = self.ci95_low.value
        else:
            ci95_low = self.ci95_low

        ci95_high: Union[None, float, str]
        if isinstance(self.ci95_high, WireNumberType1):
            ci95_high = self.ci95_high.value
        else:
            ci95_high = self.ci95_high

        p_ttest: Union[None, float, str]
        if isinstance(self.p_ttest, WireNumberType1):
            p_ttest = self.p_ttest.value
        else:
            p_ttest = self.p_ttest

        p_wilcoxon: Union[None, float, str]
        if isinstance(self.p_wilcoxon, WireNumberType1):
            p_wilcoxon = self.p_wilcoxon.value
        else:
            p_wilcoxon = self.p_wilcoxon

        wilcoxon_method: Union[None, str]
        if isinstance(
            self.wilcoxon_method, CampaignComparisonRowsItemWilcoxonMethodType0
        ):
            wilcoxon_method = self.wilcoxon_method.value
        else:
            wilcoxon_method = self.wilcoxon_method

        p_holm: Union[None, float, str]
        if isinstance(self.p_holm, WireNumberType1):
            p_holm = self.p_holm.value
        else:
            p_holm = self.p_holm

        effect_size: Union[None, float, str]
        if isinstance(self.effect_size, WireNumberType1):
            effect_size = self.effect_size.value
        else:
            effect_size = self.effect_size

        reason: Union[None, str]
        reason = self.reason

        unpaired = []
        for unpaired_item_data in self.unpaired:
            unpaired_item = unpaired_item_data.to_dict()
            unpaired.append(unpaired_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "n_pairs": n_pairs,
                "mean_diff": mean_diff,
                "ci95_low": ci95_low,
                "ci95_high": ci95_high,
                "p_ttest": p_ttest,
                "p_wilcoxon": p_wilcoxon,
                "wilcoxon_method": wilcoxon_method,
                "p_holm": p_holm,
                "effect_size": effect_size,
                "reason": reason,
                "unpaired": unpaired,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_comparison_rows_item_unpaired_item import (
            CampaignComparisonRowsItemUnpairedItem,
        )

        d = dict(src_dict)
        group = d.pop("group")

        n_pairs = d.pop("n_pairs")

        def _parse_mean_diff(data: object) -> Union[None, WireNumberType1, float]:
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

        mean_diff = _parse_mean_diff(d.pop("mean_diff"))

        def _parse_ci95_low(data: object) -> Union[None, WireNumberType1, float]:
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

        ci95_low = _parse_ci95_low(d.pop("ci95_low"))

        def _parse_ci95_high(data: object) -> Union[None, WireNumberType1, float]:
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

        ci95_high = _parse_ci95_high(d.pop("ci95_high"))

        def _parse_p_ttest(data: object) -> Union[None, WireNumberType1, float]:
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

        p_ttest = _parse_p_ttest(d.pop("p_ttest"))

        def _parse_p_wilcoxon(data: object) -> Union[None, WireNumberType1, float]:
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

        p_wilcoxon = _parse_p_wilcoxon(d.pop("p_wilcoxon"))

        def _parse_wilcoxon_method(
            data: object,
        ) -> Union[CampaignComparisonRowsItemWilcoxonMethodType0, None]:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                wilcoxon_method_type_0 = CampaignComparisonRowsItemWilcoxonMethodType0(
                    data
                )

                return wilcoxon_method_type_0
            except:  # noqa: E722
                pass
            return cast(
                Union[CampaignComparisonRowsItemWilcoxonMethodType0, None], data
            )

        wilcoxon_method = _parse_wilcoxon_method(d.pop("wilcoxon_method"))

        def _parse_p_holm(data: object) -> Union[None, WireNumberType1, float]:
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

        p_holm = _parse_p_holm(d.pop("p_holm"))

        def _parse_effect_size(data: object) -> Union[None, WireNumberType1, float]:
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

        effect_size = _parse_effect_size(d.pop("effect_size"))

        def _parse_reason(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        reason = _parse_reason(d.pop("reason"))

        unpaired = []
        _unpaired = d.pop("unpaired")
        for unpaired_item_data in _unpaired:
            unpaired_item = CampaignComparisonRowsItemUnpairedItem.from_dict(
                unpaired_item_data
            )

            unpaired.append(unpaired_item)

        campaign_comparison_rows_item = cls(
            group=group,
            n_pairs=n_pairs,
            mean_diff=mean_diff,
            ci95_low=ci95_low,
            ci95_high=ci95_high,
            p_ttest=p_ttest,
            p_wilcoxon=p_wilcoxon,
            wilcoxon_method=wilcoxon_method,
            p_holm=p_holm,
            effect_size=effect_size,
            reason=reason,
            unpaired=unpaired,
        )

        campaign_comparison_rows_item.additional_properties = d
        return campaign_comparison_rows_item

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
