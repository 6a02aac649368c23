from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..models.view_state_page_size import ViewStatePageSize
from ..types import UNSET, Unset

T = TypeVar("T", bound="ViewState")


@_attrs_define
class ViewState:
    """
    Attributes:
        filter_ (Union[Unset, str]): Run filter language
        sort (Union[Unset, str]): As GET .../runs?sort=
        columns (Union[Unset, list[str]]): Column fields in filter syntax, in the table's order
        page_size (Union[Unset, ViewStatePageSize]):
        archived (Union[Unset, bool]): Archived runs shown
    """

    filter_: Union[Unset, str] = UNSET
    sort: Union[Unset, str] = UNSET
    columns: Union[Unset, list[str]] = UNSET
    page_size: Union[Unset, ViewStatePageSize] = UNSET
    archived: Union[Unset, bool] = UNSET

    def to_dict(self) -> dict[str, Any]:
        filter_ = self.filter_

        sort = self.sort

        columns: Union[Unset, list[str]] = UNSET
        if not isinstance(self.columns, Unset):
            columns = self.columns

        page_size: Union[Unset, int] = UNSET
        if not isinstance(self.page_size, Unset):
            page_size = self.page_size.value

        archived = self.archived

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if sort is not UNSET:
            field_dict["sort"] = sort
        if columns is not UNSET:
            field_dict["columns"] = columns
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if archived is not UNSET:
            field_dict["archived"] = archived

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filter_ = d.pop("filter", UNSET)

        sort = d.pop("sort", UNSET)

        columns = cast(list[str], d.pop("columns", UNSET))

        _page_size = d.pop("page_size", UNSET)
        page_size: Union[Unset, ViewStatePageSize]
        if isinstance(_page_size, Unset):
            page_size = UNSET
        else:
            page_size = ViewStatePageSize(_page_size)

        archived = d.pop("archived", UNSET)

        view_state = cls(
            filter_=filter_,
            sort=sort,
            columns=columns,
            page_size=page_size,
            archived=archived,
        )

        return view_state
