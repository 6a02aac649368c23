from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.put_values_response_200_items_item_context import (
        PutValuesResponse200ItemsItemContext,
    )
    from ..models.put_values_response_200_items_item_value_type_4 import (
        PutValuesResponse200ItemsItemValueType4,
    )


T = TypeVar("T", bound="PutValuesResponse200ItemsItem")


@_attrs_define
class PutValuesResponse200ItemsItem:
    """
    Attributes:
        name (str):
        context (PutValuesResponse200ItemsItemContext):
        value (Union['PutValuesResponse200ItemsItemValueType4', None, bool, float, str]):
        updated_at (str):
    """

    name: str
    context: "PutValuesResponse200ItemsItemContext"
    value: Union["PutValuesResponse200ItemsItemValueType4", None, bool, float, str]
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.put_values_response_200_items_item_value_type_4 import (
            PutValuesResponse200ItemsItemValueType4,
        )

        name = self.name

        context = self.context.to_dict()

        value: Union[None, bool, dict[str, Any], float, str]
        if isinstance(self.value, PutValuesResponse200ItemsItemValueType4):
            value = self.value.to_dict()
        else:
            value = self.value

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "context": context,
                "value": value,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.put_values_response_200_items_item_context import (
            PutValuesResponse200ItemsItemContext,
        )
        from ..models.put_values_response_200_items_item_value_type_4 import (
            PutValuesResponse200ItemsItemValueType4,
        )

        d = dict(src_dict)
        name = d.pop("name")

        context = PutValuesResponse200ItemsItemContext.from_dict(d.pop("context"))

        def _parse_value(
            data: object,
        ) -> Union["PutValuesResponse200ItemsItemValueType4", None, bool, float, str]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_4 = PutValuesResponse200ItemsItemValueType4.from_dict(data)

                return value_type_4
            except:  # noqa: E722
                pass
            return cast(
                Union[
                    "PutValuesResponse200ItemsItemValueType4", None, bool, float, str
                ],
                data,
            )

        value = _parse_value(d.pop("value"))

        updated_at = d.pop("updated_at")

        put_values_response_200_items_item = cls(
            name=name,
            context=context,
            value=value,
            updated_at=updated_at,
        )

        put_values_response_200_items_item.additional_properties = d
        return put_values_response_200_items_item

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
