from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

T = TypeVar("T", bound="QuerySeriesResponse200ItemsType0ItemPointsItem")


@_attrs_define
class QuerySeriesResponse200ItemsType0ItemPointsItem:
    """
    Attributes:
        step (float):
        value (Union[WireNumberType1, float]):
        epoch (Union[None, float]):
        time (float):
    """

    step: float
    value: Union[WireNumberType1, float]
    epoch: Union[None, float]
    time: float
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "step": step,
                "value": value,
                "epoch": epoch,
                "time": time,
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

        query_series_response_200_items_type_0_item_points_item = cls(
            step=step,
            value=value,
            epoch=epoch,
            time=time,
        )

        query_series_response_200_items_type_0_item_points_item.additional_properties = d
        return query_series_response_200_items_type_0_item_points_item

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
