from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.put_values_body_item_context import PutValuesBodyItemContext
    from ..models.put_values_body_item_value_type_4 import PutValuesBodyItemValueType4


T = TypeVar("T", bound="PutValuesBodyItem")


@_attrs_define
class PutValuesBodyItem:
    """
    Attributes:
        name (str):
        value (Union['PutValuesBodyItemValueType4', None, bool, float, str]):
        context (Union[Unset, PutValuesBodyItemContext]):
    """

    name: str
    value: Union["PutValuesBodyItemValueType4", None, bool, float, str]
    context: Union[Unset, "PutValuesBodyItemContext"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.put_values_body_item_value_type_4 import (
            PutValuesBodyItemValueType4,
        )

        name = self.name

        value: Union[None, bool, dict[str, Any], float, str]
        if isinstance(self.value, PutValuesBodyItemValueType4):
            value = self.value.to_dict()
        else:
            value = self.value

        context: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "value": value,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.put_values_body_item_context import PutValuesBodyItemContext
        from ..models.put_values_body_item_value_type_4 import (
            PutValuesBodyItemValueType4,
        )

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_value(
            data: object,
        ) -> Union["PutValuesBodyItemValueType4", None, bool, float, str]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                value_type_4 = PutValuesBodyItemValueType4.from_dict(data)

                return value_type_4
            except:  # noqa: E722
                pass
            return cast(
                Union["PutValuesBodyItemValueType4", None, bool, float, str], data
            )

        value = _parse_value(d.pop("value"))

        _context = d.pop("context", UNSET)
        context: Union[Unset, PutValuesBodyItemContext]
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = PutValuesBodyItemContext.from_dict(_context)

        put_values_body_item = cls(
            name=name,
            value=value,
            context=context,
        )

        return put_values_body_item
