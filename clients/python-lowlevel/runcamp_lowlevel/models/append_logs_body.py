from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.append_logs_body_lines_item import AppendLogsBodyLinesItem


T = TypeVar("T", bound="AppendLogsBody")


@_attrs_define
class AppendLogsBody:
    """
    Attributes:
        lines (list['AppendLogsBodyLinesItem']):
    """

    lines: list["AppendLogsBodyLinesItem"]

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.append_logs_body_lines_item import AppendLogsBodyLinesItem

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = AppendLogsBodyLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        append_logs_body = cls(
            lines=lines,
        )

        return append_logs_body
