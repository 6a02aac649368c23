from collections.abc import Mapping
from typing import Any, TypeVar, Union

from attrs import define as _attrs_define

from ..models.log_stream import LogStream
from ..types import UNSET, Unset

T = TypeVar("T", bound="LogChunk")


@_attrs_define
class LogChunk:
    r"""
    Attributes:
        first_seq (int): The seq of the chunk's first line; the next lines are first_seq + 1, + 2, ...
        text (str): Lines joined by "\n": split on every "\n", so a trailing "\n" adds an empty last line and "" is one
            empty line. Each line takes a line's rules: at most 65,536 characters, no NUL
        stream (Union[Unset, LogStream]):
        time (Union[Unset, float]): Epoch seconds of every line of the chunk (default: when the server receives it)
    """

    first_seq: int
    text: str
    stream: Union[Unset, LogStream] = UNSET
    time: Union[Unset, float] = UNSET

    def to_dict(self) -> dict[str, Any]:
        first_seq = self.first_seq

        text = self.text

        stream: Union[Unset, str] = UNSET
        if not isinstance(self.stream, Unset):
            stream = self.stream.value

        time = self.time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_seq": first_seq,
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
        first_seq = d.pop("first_seq")

        text = d.pop("text")

        _stream = d.pop("stream", UNSET)
        stream: Union[Unset, LogStream]
        if isinstance(_stream, Unset):
            stream = UNSET
        else:
            stream = LogStream(_stream)

        time = d.pop("time", UNSET)

        log_chunk = cls(
            first_seq=first_seq,
            text=text,
            stream=stream,
            time=time,
        )

        return log_chunk
