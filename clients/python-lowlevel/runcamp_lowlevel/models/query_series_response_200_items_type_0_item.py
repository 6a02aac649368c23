from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.context import Context
    from ..models.query_series_response_200_items_type_0_item_buckets_type_0_item import (
        QuerySeriesResponse200ItemsType0ItemBucketsType0Item,
    )
    from ..models.query_series_response_200_items_type_0_item_points_item import (
        QuerySeriesResponse200ItemsType0ItemPointsItem,
    )
    from ..models.series_summary import SeriesSummary


T = TypeVar("T", bound="QuerySeriesResponse200ItemsType0Item")


@_attrs_define
class QuerySeriesResponse200ItemsType0Item:
    """
    Attributes:
        run (str):
        name (str):
        context (Context):
        summary (SeriesSummary):
        points (list['QuerySeriesResponse200ItemsType0ItemPointsItem']): Raw points, or in downsampled reads the last
            point of each bucket (enough for a plain line plot)
        buckets (Union[None, list['QuerySeriesResponse200ItemsType0ItemBucketsType0Item']]): Downsampled reads only: per
            step bucket, count, min and max (so spikes stay visible) and the last point
        next_cursor (Union[None, str]):
    """

    run: str
    name: str
    context: "Context"
    summary: "SeriesSummary"
    points: list["QuerySeriesResponse200ItemsType0ItemPointsItem"]
    buckets: Union[None, list["QuerySeriesResponse200ItemsType0ItemBucketsType0Item"]]
    next_cursor: Union[None, str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run = self.run

        name = self.name

        context = self.context.to_dict()

        summary = self.summary.to_dict()

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        buckets: Union[None, list[dict[str, Any]]]
        if isinstance(self.buckets, list):
            buckets = []
            for buckets_type_0_item_data in self.buckets:
                buckets_type_0_item = buckets_type_0_item_data.to_dict()
                buckets.append(buckets_type_0_item)

        else:
            buckets = self.buckets

        next_cursor: Union[None, str]
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run": run,
                "name": name,
                "context": context,
                "summary": summary,
                "points": points,
                "buckets": buckets,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context
        from ..models.query_series_response_200_items_type_0_item_buckets_type_0_item import (
            QuerySeriesResponse200ItemsType0ItemBucketsType0Item,
        )
        from ..models.query_series_response_200_items_type_0_item_points_item import (
            QuerySeriesResponse200ItemsType0ItemPointsItem,
        )
        from ..models.series_summary import SeriesSummary

        d = dict(src_dict)
        run = d.pop("run")

        name = d.pop("name")

        context = Context.from_dict(d.pop("context"))

        summary = SeriesSummary.from_dict(d.pop("summary"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = QuerySeriesResponse200ItemsType0ItemPointsItem.from_dict(
                points_item_data
            )

            points.append(points_item)

        def _parse_buckets(
            data: object,
        ) -> Union[None, list["QuerySeriesResponse200ItemsType0ItemBucketsType0Item"]]:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                buckets_type_0 = []
                _buckets_type_0 = data
                for buckets_type_0_item_data in _buckets_type_0:
                    buckets_type_0_item = (
                        QuerySeriesResponse200ItemsType0ItemBucketsType0Item.from_dict(
                            buckets_type_0_item_data
                        )
                    )

                    buckets_type_0.append(buckets_type_0_item)

                return buckets_type_0
            except:  # noqa: E722
                pass
            return cast(
                Union[
                    None, list["QuerySeriesResponse200ItemsType0ItemBucketsType0Item"]
                ],
                data,
            )

        buckets = _parse_buckets(d.pop("buckets"))

        def _parse_next_cursor(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        query_series_response_200_items_type_0_item = cls(
            run=run,
            name=name,
            context=context,
            summary=summary,
            points=points,
            buckets=buckets,
            next_cursor=next_cursor,
        )

        query_series_response_200_items_type_0_item.additional_properties = d
        return query_series_response_200_items_type_0_item

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
