from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

T = TypeVar("T", bound="SeriesSomeColumnsBucketsType0")


@_attrs_define
class SeriesSomeColumnsBucketsType0:
    """
    Attributes:
        start (list[float]):
        end (list[float]):
        count (list[float]):
        min_ (list[Union[None, WireNumberType1, float]]):
        max_ (list[Union[None, WireNumberType1, float]]):
        min_step (list[Union[None, float]]):
        max_step (list[Union[None, float]]):
    """

    start: list[float]
    end: list[float]
    count: list[float]
    min_: list[Union[None, WireNumberType1, float]]
    max_: list[Union[None, WireNumberType1, float]]
    min_step: list[Union[None, float]]
    max_step: list[Union[None, float]]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end

        count = self.count

        min_ = []
        for min_item_data in self.min_:
            min_item: Union[None, float, str]
            if isinstance(min_item_data, WireNumberType1):
                min_item = min_item_data.value
            else:
                min_item = min_item_data
            min_.append(min_item)

        max_ = []
        for max_item_data in self.max_:
            max_item: Union[None, float, str]
            if isinstance(max_item_data, WireNumberType1):
                max_item = max_item_data.value
            else:
                max_item = max_item_data
            max_.append(max_item)

        min_step = []
        for min_step_item_data in self.min_step:
            min_step_item: Union[None, float]
            min_step_item = min_step_item_data
            min_step.append(min_step_item)

        max_step = []
        for max_step_item_data in self.max_step:
            max_step_item: Union[None, float]
            max_step_item = max_step_item_data
            max_step.append(max_step_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
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
        start = cast(list[float], d.pop("start"))

        end = cast(list[float], d.pop("end"))

        count = cast(list[float], d.pop("count"))

        min_ = []
        _min_ = d.pop("min")
        for min_item_data in _min_:

            def _parse_min_item(data: object) -> Union[None, WireNumberType1, float]:
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

            min_item = _parse_min_item(min_item_data)

            min_.append(min_item)

        max_ = []
        _max_ = d.pop("max")
        for max_item_data in _max_:

            def _parse_max_item(data: object) -> Union[None, WireNumberType1, float]:
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

            max_item = _parse_max_item(max_item_data)

            max_.append(max_item)

        min_step = []
        _min_step = d.pop("min_step")
        for min_step_item_data in _min_step:

            def _parse_min_step_item(data: object) -> Union[None, float]:
                if data is None:
                    return data
                return cast(Union[None, float], data)

            min_step_item = _parse_min_step_item(min_step_item_data)

            min_step.append(min_step_item)

        max_step = []
        _max_step = d.pop("max_step")
        for max_step_item_data in _max_step:

            def _parse_max_step_item(data: object) -> Union[None, float]:
                if data is None:
                    return data
                return cast(Union[None, float], data)

            max_step_item = _parse_max_step_item(max_step_item_data)

            max_step.append(max_step_item)

        series_some_columns_buckets_type_0 = cls(
            start=start,
            end=end,
            count=count,
            min_=min_,
            max_=max_,
            min_step=min_step,
            max_step=max_step,
        )

        series_some_columns_buckets_type_0.additional_properties = d
        return series_some_columns_buckets_type_0

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
