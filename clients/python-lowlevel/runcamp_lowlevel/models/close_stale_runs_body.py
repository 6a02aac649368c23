from collections.abc import Mapping
from typing import Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloseStaleRunsBody")


@_attrs_define
class CloseStaleRunsBody:
    """
    Attributes:
        filter_ (Union[Unset, str]): Run filter language: close only the stale runs it matches (archived runs only when
            it names archived). Default: every stale run.
    """

    filter_: Union[Unset, str] = UNSET

    def to_dict(self) -> dict[str, Any]:
        filter_ = self.filter_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if filter_ is not UNSET:
            field_dict["filter"] = filter_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filter_ = d.pop("filter", UNSET)

        close_stale_runs_body = cls(
            filter_=filter_,
        )

        return close_stale_runs_body
