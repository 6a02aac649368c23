from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

if TYPE_CHECKING:
    from ..models.campaign_summary_rows_item_group import CampaignSummaryRowsItemGroup
    from ..models.context import Context


T = TypeVar("T", bound="CampaignSummaryRowsItem")


@_attrs_define
class CampaignSummaryRowsItem:
    """
    Attributes:
        group (CampaignSummaryRowsItemGroup): The group's param values by path; null where a run lacks the param
        metric (str):
        context (Context):
        n (float): Runs counted (NaN excluded)
        nan (float): Runs whose selected value was NaN, left out of the statistics
        mean (Union[None, WireNumberType1, float]):
        std (Union[None, WireNumberType1, float]): Sample standard deviation (n - 1); null for n < 2
        min_ (Union[None, WireNumberType1, float]):
        max_ (Union[None, WireNumberType1, float]):
        ci95 (Union[None, WireNumberType1, float]): Half-width of the 95% confidence interval of the mean, t(0.975,
            n-1)·std/√n; null for n < 2
    """

    group: "CampaignSummaryRowsItemGroup"
    metric: str
    context: "Context"
    n: float
    nan: float
    mean: Union[None, WireNumberType1, float]
    std: Union[None, WireNumberType1, float]
    min_: Union[None, WireNumberType1, float]
    max_: Union[None, WireNumberType1, float]
    ci95: Union[None, WireNumberType1, float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group.to_dict()

        metric = self.metric

        context = self.context.to_dict()

        n = self.n

        nan = self.nan

        mean: Union[None, float, str]
        if isinstance(self.mean, WireNumberType1):
            mean = self.mean.value
        else:
            mean = self.mean

        std: Union[None, float, str]
        if isinstance(self.std, WireNumberType1):
            std = self.std.value
        else:
            std = self.std

        min_: Union[None, float, str]
        if isinstance(self.min_, WireNumberType1):
            min_ = self.min_.value
        else:
            min_ = self.min_

        max_: Union[None, float, str]
        if isinstance(self.max_, WireNumberType1):
            max_ = self.max_.value
        else:
            max_ = self.max_

        ci95: Union[None, float, str]
        if isinstance(self.ci95, WireNumberType1):
            ci95 = self.ci95.value
        else:
            ci95 = self.ci95

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "metric": metric,
                "context": context,
                "n": n,
                "nan": nan,
                "mean": mean,
                "std": std,
                "min": min_,
                "max": max_,
                "ci95": ci95,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_summary_rows_item_group import (
            CampaignSummaryRowsItemGroup,
        )
        from ..models.context import Context

        d = dict(src_dict)
        group = CampaignSummaryRowsItemGroup.from_dict(d.pop("group"))

        metric = d.pop("metric")

        context = Context.from_dict(d.pop("context"))

        n = d.pop("n")

        nan = d.pop("nan")

        def _parse_mean(data: object) -> Union[None, WireNumberType1, float]:
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

        mean = _parse_mean(d.pop("mean"))

        def _parse_std(data: object) -> Union[None, WireNumberType1, float]:
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

        std = _parse_std(d.pop("std"))

        def _parse_min_(data: object) -> Union[None, WireNumberType1, float]:
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

        min_ = _parse_min_(d.pop("min"))

        def _parse_max_(data: object) -> Union[None, WireNumberType1, float]:
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

        max_ = _parse_max_(d.pop("max"))

        def _parse_ci95(data: object) -> Union[None, WireNumberType1, float]:
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

        ci95 = _parse_ci95(d.pop("ci95"))

        campaign_summary_rows_item = cls(
            group=group,
            metric=metric,
            context=context,
            n=n,
            nan=nan,
            mean=mean,
            std=std,
            min_=min_,
            max_=max_,
            ci95=ci95,
        )

        campaign_summary_rows_item.additional_properties = d
        return campaign_summary_rows_item

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
