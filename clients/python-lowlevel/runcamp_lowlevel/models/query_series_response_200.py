from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.query_series_response_200_items_type_0_item import (
        QuerySeriesResponse200ItemsType0Item,
    )
    from ..models.query_series_response_200_items_type_1_item import (
        QuerySeriesResponse200ItemsType1Item,
    )


T = TypeVar("T", bound="QuerySeriesResponse200")


@_attrs_define
class QuerySeriesResponse200:
    """
    Attributes:
        items (Union[list['QuerySeriesResponse200ItemsType0Item'], list['QuerySeriesResponse200ItemsType1Item']]):
    """

    items: Union[
        list["QuerySeriesResponse200ItemsType0Item"],
        list["QuerySeriesResponse200ItemsType1Item"],
    ]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]]
        if isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item = items_type_0_item_data.to_dict()
                items.append(items_type_0_item)

        else:
            items = []
            for items_type_1_item_data in self.items:
                items_type_1_item = items_type_1_item_data.to_dict()
                items.append(items_type_1_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_series_response_200_items_type_0_item import (
            QuerySeriesResponse200ItemsType0Item,
        )
        from ..models.query_series_response_200_items_type_1_item import (
            QuerySeriesResponse200ItemsType1Item,
        )

        d = dict(src_dict)

        def _parse_items(
            data: object,
        ) -> Union[
            list["QuerySeriesResponse200ItemsType0Item"],
            list["QuerySeriesResponse200ItemsType1Item"],
        ]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in _items_type_0:
                    items_type_0_item = QuerySeriesResponse200ItemsType0Item.from_dict(
                        items_type_0_item_data
                    )

                    items_type_0.append(items_type_0_item)

                return items_type_0
            except:  # noqa: E722
                pass
            if not isinstance(data, list):
                raise TypeError()
            items_type_1 = []
            _items_type_1 = data
            for items_type_1_item_data in _items_type_1:
                items_type_1_item = QuerySeriesResponse200ItemsType1Item.from_dict(
                    items_type_1_item_data
                )

                items_type_1.append(items_type_1_item)

            return items_type_1

        items = _parse_items(d.pop("items"))

        query_series_response_200 = cls(
            items=items,
        )

        query_series_response_200.additional_properties = d
        return query_series_response_200

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
