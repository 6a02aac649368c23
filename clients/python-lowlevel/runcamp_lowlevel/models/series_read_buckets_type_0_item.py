from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

T = TypeVar("T", bound="SeriesReadBucketsType0Item")


@_attrs_define
class SeriesReadBucketsType0Item:
    """
    Attributes:
        step (float):
        value (Union[WireNumberType1, float]):
        epoch (Union[None, float]):
        time (float):
        start (float):
        end (float):
        count (float):
        min_ (Union[None, WireNumberType1, float]):
        max_ (Union[None, WireNumberType1, float]):
        min_step (Union[None, float]):
        max_step (Union[None, float]):
    """

    step: float
    value: Union[WireNumberType1, float]
    epoch: Union[None, float]
    time: float
    start: float
    end: float
    count: float
    min_: Union[None, WireNumberType1, float]
    max_: Union[None, WireNumberType1, float]
    min_step: Union[None, float]
    max_step: Union[None, float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        step = self.step

        value: Union[float, str]
        if isinstance(self.value, WireNumberType1):
            value = self.value.value
        else:
            value = self.value

        epoch: Union[None, float]
        epoch = self.epoch

        time = self.time

        start = self.start

        end = self.end

        count = self.count

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

        min_step: Union[None, float]
        min_step = self.min_step

        max_step: Union[None, float]
        max_step = self.max_step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "step": step,
                "value": value,
                "epoch": epoch,
                "time": time,
                "start": start,
                "end": end,
                "count": count,
                "min": min_,
                "max": max_,
                "min_step": min_step,
                "max_step": max_step,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        step = d.pop("step")

        def _parse_value(data: object) -> Union[WireNumberType1, float]:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wire_number_type_1 = WireNumberType1(data)

                return componentsschemas_wire_number_type_1
            except:  # noqa: E722
                pass
            return cast(Union[WireNumberType1, float], data)

        value = _parse_value(d.pop("value"))

        def _parse_epoch(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        epoch = _parse_epoch(d.pop("epoch"))

        time = d.pop("time")

        start = d.pop("start")

        end = d.pop("end")

        count = d.pop("count")

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

        def _parse_min_step(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        min_step = _parse_min_step(d.pop("min_step"))

        def _parse_max_step(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        max_step = _parse_max_step(d.pop("max_step"))

        series_read_buckets_type_0_item = cls(
            step=step,
            value=value,
            epoch=epoch,
            time=time,
            start=start,
            end=end,
            count=count,
            min_=min_,
            max_=max_,
            min_step=min_step,
            max_step=max_step,
        )

        series_read_buckets_type_0_item.additional_properties = d
        return series_read_buckets_type_0_item

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
