from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.context import Context
    from ..models.value_type_4 import ValueType4


T = TypeVar("T", bound="RunValue")


@_attrs_define
class RunValue:
    """
    Attributes:
        name (str):
        context (Context):
        value (Union['ValueType4', None, bool, float, list[Any], str]):
        updated_at (str):
    """

    name: str
    context: "Context"
    value: Union["ValueType4", None, bool, float, list[Any], str]
    updated_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.value_type_4 import ValueType4

        name = self.name

        context = self.context.to_dict()

        value: Union[None, bool, dict[str, Any], float, list[Any], str]
        if isinstance(self.value, ValueType4):
            value = self.value.to_dict()
        elif isinstance(self.value, list):
            value = self.value

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
        from ..models.context import Context
        from ..models.value_type_4 import ValueType4

        d = dict(src_dict)
        name = d.pop("name")

        context = Context.from_dict(d.pop("context"))

        def _parse_value(
            data: object,
        ) -> Union["ValueType4", None, bool, float, list[Any], str]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_value_type_4 = ValueType4.from_dict(data)

                return componentsschemas_value_type_4
            except:  # noqa: E722
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_value_type_5 = cast(list[Any], data)

                return componentsschemas_value_type_5
            except:  # noqa: E722
                pass
            return cast(Union["ValueType4", None, bool, float, list[Any], str], data)

        value = _parse_value(d.pop("value"))

        updated_at = d.pop("updated_at")

        run_value = cls(
            name=name,
            context=context,
            value=value,
            updated_at=updated_at,
        )

        run_value.additional_properties = d
        return run_value

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
