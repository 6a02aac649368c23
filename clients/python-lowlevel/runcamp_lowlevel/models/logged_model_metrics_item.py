from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

T = TypeVar("T", bound="LoggedModelMetricsItem")


@_attrs_define
class LoggedModelMetricsItem:
    """
    Attributes:
        name (str):
        value (Union[WireNumberType1, float]):
        step (float):
        dataset (Union[None, str]):
    """

    name: str
    value: Union[WireNumberType1, float]
    step: float
    dataset: Union[None, str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value: Union[float, str]
        if isinstance(self.value, WireNumberType1):
            value = self.value.value
        else:
            value = self.value

        step = self.step

        dataset: Union[None, str]
        dataset = self.dataset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "value": value,
                "step": step,
                "dataset": dataset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

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

        step = d.pop("step")

        def _parse_dataset(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        dataset = _parse_dataset(d.pop("dataset"))

        logged_model_metrics_item = cls(
            name=name,
            value=value,
            step=step,
            dataset=dataset,
        )

        logged_model_metrics_item.additional_properties = d
        return logged_model_metrics_item

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
