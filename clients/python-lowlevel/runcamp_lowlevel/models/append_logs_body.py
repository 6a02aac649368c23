from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.append_logs_body_lines_item import AppendLogsBodyLinesItem
    from ..models.log_chunk import LogChunk


T = TypeVar("T", bound="AppendLogsBody")


@_attrs_define
class AppendLogsBody:
    """
    Attributes:
        lines (Union[Unset, list['AppendLogsBodyLinesItem']]):
        chunks (Union[Unset, list['LogChunk']]): Lines as chunks: the lines one read of a stream gave, in one string
    """

    lines: Union[Unset, list["AppendLogsBodyLinesItem"]] = UNSET
    chunks: Union[Unset, list["LogChunk"]] = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines: Union[Unset, list[dict[str, Any]]] = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        chunks: Union[Unset, list[dict[str, Any]]] = UNSET
        if not isinstance(self.chunks, Unset):
            chunks = []
            for chunks_item_data in self.chunks:
                chunks_item = chunks_item_data.to_dict()
                chunks.append(chunks_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lines is not UNSET:
            field_dict["lines"] = lines
        if chunks is not UNSET:
            field_dict["chunks"] = chunks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.append_logs_body_lines_item import AppendLogsBodyLinesItem
        from ..models.log_chunk import LogChunk

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines", UNSET)
        for lines_item_data in _lines or []:
            lines_item = AppendLogsBodyLinesItem.from_dict(lines_item_data)

            lines.append(lines_item)

        chunks = []
        _chunks = d.pop("chunks", UNSET)
        for chunks_item_data in _chunks or []:
            chunks_item = LogChunk.from_dict(chunks_item_data)

            chunks.append(chunks_item)

        append_logs_body = cls(
            lines=lines,
            chunks=chunks,
        )

        return append_logs_body
