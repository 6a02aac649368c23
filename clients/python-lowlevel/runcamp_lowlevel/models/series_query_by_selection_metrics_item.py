from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context import Context


T = TypeVar("T", bound="SeriesQueryBySelectionMetricsItem")


@_attrs_define
class SeriesQueryBySelectionMetricsItem:
    """
    Attributes:
        name (str):
        context (Union[Unset, Context]):
    """

    name: str
    context: Union[Unset, "Context"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        context: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context

        d = dict(src_dict)
        name = d.pop("name")

        _context = d.pop("context", UNSET)
        context: Union[Unset, Context]
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = Context.from_dict(_context)

        series_query_by_selection_metrics_item = cls(
            name=name,
            context=context,
        )

        return series_query_by_selection_metrics_item
