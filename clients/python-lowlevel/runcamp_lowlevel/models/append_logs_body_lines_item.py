from collections.abc import Mapping
from typing import Any, TypeVar, Union

from attrs import define as _attrs_define

from ..models.log_stream import LogStream
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppendLogsBodyLinesItem")


@_attrs_define
class AppendLogsBodyLinesItem:
    """
    Attributes:
        seq (int): The line's number in the run, unique: the client numbers lines 0, 1, 2, ... in order. A line re-sent
            with a stored seq is ignored
        text (str): The line without its newline (any characters but NUL; ANSI escapes are kept as sent)
        stream (Union[Unset, LogStream]):
        time (Union[Unset, float]): Epoch seconds (default: when the server receives it)
    """

    seq: int
    text: str
    stream: Union[Unset, LogStream] = UNSET
    time: Union[Unset, float] = UNSET

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        text = self.text

        stream: Union[Unset, str] = UNSET
        if not isinstance(self.stream, Unset):
            stream = self.stream.value

        time = self.time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "seq": seq,
                "text": text,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seq = d.pop("seq")

        text = d.pop("text")

        _stream = d.pop("stream", UNSET)
        stream: Union[Unset, LogStream]
        if isinstance(_stream, Unset):
            stream = UNSET
        else:
            stream = LogStream(_stream)

        time = d.pop("time", UNSET)

        append_logs_body_lines_item = cls(
            seq=seq,
            text=text,
            stream=stream,
            time=time,
        )

        return append_logs_body_lines_item
