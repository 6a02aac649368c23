from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchRunBodyTags")


@_attrs_define
class PatchRunBodyTags:
    """
    Attributes:
        add (Union[Unset, list[str]]):
        remove (Union[Unset, list[str]]):
    """

    add: Union[Unset, list[str]] = UNSET
    remove: Union[Unset, list[str]] = UNSET

    def to_dict(self) -> dict[str, Any]:
        add: Union[Unset, list[str]] = UNSET
        if not isinstance(self.add, Unset):
            add = self.add

        remove: Union[Unset, list[str]] = UNSET
        if not isinstance(self.remove, Unset):
            remove = self.remove

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if add is not UNSET:
            field_dict["add"] = add
        if remove is not UNSET:
            field_dict["remove"] = remove

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        add = cast(list[str], d.pop("add", UNSET))

        remove = cast(list[str], d.pop("remove", UNSET))

        patch_run_body_tags = cls(
            add=add,
            remove=remove,
        )

        return patch_run_body_tags
