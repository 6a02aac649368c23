from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.get_run_response_200_values_item_context import (
        GetRunResponse200ValuesItemContext,
    )
    from ..models.get_run_response_200_values_item_value_type_4 import (
        GetRunResponse200ValuesItemValueType4,
    )


T = TypeVar("T", bound="GetRunResponse200ValuesItem")


@_attrs_define
class GetRunResponse200ValuesItem:
    """
    Attributes:
        name (str):
        context (GetRunResponse200ValuesItemContext):
        value (Union['GetRunResponse200ValuesItemValueType4', None, bool, float, str]):
        updated_at (str):
    """

    name: str
    context: "GetRunResponse200ValuesItemContext"
    value: Union["GetRunResponse200ValuesItemValueType4", None, bool, float, str]
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.get_run_response_200_values_item_value_type_4 import (
            GetRunResponse200ValuesItemValueType4,
        )

        name = self.name

        context = self.context.to_dict()

        value: Union[None, bool, dict[str, Any], float, str]
        if isinstance(self.value, GetRunResponse200ValuesItemValueType4):
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
        from ..models.get_run_response_200_values_item_context import (
            GetRunResponse200ValuesItemContext,
        )
        from ..models.get_run_response_200_values_item_value_type_4 import (
            GetRunResponse200ValuesItemValueType4,
        )

        d = dict(src_dict)
        name = d.pop("name")

        context = GetRunResponse200ValuesItemContext.from_dict(d.pop("context"))

        def _parse_value(
            data: object,
        ) -> Union["GetRunResponse200ValuesItemValueType4", None, bool, float, str]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_4 = GetRunResponse200ValuesItemValueType4.from_dict(data)

                return value_type_4
            except:  # noqa: E722
                pass
            return cast(
                Union["GetRunResponse200ValuesItemValueType4", None, bool, float, str],
                data,
            )

        value = _parse_value(d.pop("value"))

        updated_at = d.pop("updated_at")

        get_run_response_200_values_item = cls(
            name=name,
            context=context,
            value=value,
            updated_at=updated_at,
        )

        get_run_response_200_values_item.additional_properties = d
        return get_run_response_200_values_item

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
