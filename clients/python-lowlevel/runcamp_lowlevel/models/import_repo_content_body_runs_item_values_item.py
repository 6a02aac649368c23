from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context import Context
    from ..models.value_type_4 import ValueType4


T = TypeVar("T", bound="ImportRepoContentBodyRunsItemValuesItem")


@_attrs_define
class ImportRepoContentBodyRunsItemValuesItem:
    """
    Attributes:
        name (str):
        value (Union['ValueType4', None, bool, float, list[Any], str]):
        updated_at (str):
        context (Union[Unset, Context]):
    """

    name: str
    value: Union["ValueType4", None, bool, float, list[Any], str]
    updated_at: str
    context: Union[Unset, "Context"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.value_type_4 import ValueType4

        name = self.name

        value: Union[None, bool, dict[str, Any], float, list[Any], str]
        if isinstance(self.value, ValueType4):
            value = self.value.to_dict()
        elif isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        updated_at = self.updated_at

        context: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "value": value,
                "updated_at": updated_at,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context
        from ..models.value_type_4 import ValueType4

        d = dict(src_dict)
        name = d.pop("name")

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

        _context = d.pop("context", UNSET)
        context: Union[Unset, Context]
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = Context.from_dict(_context)

        import_repo_content_body_runs_item_values_item = cls(
            name=name,
            value=value,
            updated_at=updated_at,
            context=context,
        )

        return import_repo_content_body_runs_item_values_item
