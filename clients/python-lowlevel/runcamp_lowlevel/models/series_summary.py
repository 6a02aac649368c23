from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

if TYPE_CHECKING:
    from ..models.context import Context


T = TypeVar("T", bound="SeriesSummary")


@_attrs_define
class SeriesSummary:
    """
    Attributes:
        name (str):
        context (Context):
        count (float):
        first_step (Union[None, float]):
        last_step (Union[None, float]):
        last (Union[None, WireNumberType1, float]):
        min_ (Union[None, WireNumberType1, float]):
        max_ (Union[None, WireNumberType1, float]):
        last_time (Union[None, float]):
    """

    name: str
    context: "Context"
    count: float
    first_step: Union[None, float]
    last_step: Union[None, float]
    last: Union[None, WireNumberType1, float]
    min_: Union[None, WireNumberType1, float]
    max_: Union[None, WireNumberType1, float]
    last_time: Union[None, float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        context = self.context.to_dict()

        count = self.count

        first_step: Union[None, float]
        first_step = self.first_step

        last_step: Union[None, float]
        last_step = self.last_step

        last: Union[None, float, str]
        if isinstance(self.last, WireNumberType1):
            last = self.last.value
        else:
            last = self.last

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

        last_time: Union[None, float]
        last_time = self.last_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "context": context,
                "count": count,
                "first_step": first_step,
                "last_step": last_step,
                "last": last,
                "min": min_,
                "max": max_,
                "last_time": last_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context

        d = dict(src_dict)
        name = d.pop("name")

        context = Context.from_dict(d.pop("context"))

        count = d.pop("count")

        def _parse_first_step(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        first_step = _parse_first_step(d.pop("first_step"))

        def _parse_last_step(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        last_step = _parse_last_step(d.pop("last_step"))

        def _parse_last(data: object) -> Union[None, WireNumberType1, float]:
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

        last = _parse_last(d.pop("last"))

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

        def _parse_last_time(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        last_time = _parse_last_time(d.pop("last_time"))

        series_summary = cls(
            name=name,
            context=context,
            count=count,
            first_step=first_step,
            last_step=last_step,
            last=last,
            min_=min_,
            max_=max_,
            last_time=last_time,
        )

        series_summary.additional_properties = d
        return series_summary

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
