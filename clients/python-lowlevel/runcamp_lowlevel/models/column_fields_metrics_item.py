from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.context import Context


T = TypeVar("T", bound="ColumnFieldsMetricsItem")


@_attrs_define
class ColumnFieldsMetricsItem:
    """
    Attributes:
        name (str):
        context (Context):
        field (str): The field in filter syntax; for a series, append an aggregation (.last, .min, .max, .count,
            .last_step)
    """

    name: str
    context: "Context"
    field: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        context = self.context.to_dict()

        field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "context": context,
                "field": field,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context

        d = dict(src_dict)
        name = d.pop("name")

        context = Context.from_dict(d.pop("context"))

        field = d.pop("field")

        column_fields_metrics_item = cls(
            name=name,
            context=context,
            field=field,
        )

        column_fields_metrics_item.additional_properties = d
        return column_fields_metrics_item

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
