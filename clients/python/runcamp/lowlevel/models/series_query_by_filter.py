from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..models.series_query_by_filter_format import SeriesQueryByFilterFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.series_query_by_filter_metrics_item import (
        SeriesQueryByFilterMetricsItem,
    )


T = TypeVar("T", bound="SeriesQueryByFilter")


@_attrs_define
class SeriesQueryByFilter:
    """
    Attributes:
        filter_ (str): Run filter language, instead of runs: the matching runs (archived hidden unless the filter names
            archived) in creation order. More than 1,000 matches is a 400: narrow the filter.
        metrics (list['SeriesQueryByFilterMetricsItem']):
        points (Union[Unset, int]):  Default: 1000.
        from_ (Union[Unset, int]):
        to (Union[Unset, int]):
        format_ (Union[Unset, SeriesQueryByFilterFormat]): rows (default): an object per point; columnar: an array per
            field Default: SeriesQueryByFilterFormat.ROWS.
    """

    filter_: str
    metrics: list["SeriesQueryByFilterMetricsItem"]
    points: Union[Unset, int] = 1000
    from_: Union[Unset, int] = UNSET
    to: Union[Unset, int] = UNSET
    format_: Union[Unset, SeriesQueryByFilterFormat] = SeriesQueryByFilterFormat.ROWS

    def to_dict(self) -> dict[str, Any]:
        filter_ = self.filter_

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        points = self.points

        from_ = self.from_

        to = self.to

        format_: Union[Unset, str] = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "filter": filter_,
                "metrics": metrics,
            }
        )
        if points is not UNSET:
            field_dict["points"] = points
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.series_query_by_filter_metrics_item import (
            SeriesQueryByFilterMetricsItem,
        )

        d = dict(src_dict)
        filter_ = d.pop("filter")

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = SeriesQueryByFilterMetricsItem.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        points = d.pop("points", UNSET)

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: Union[Unset, SeriesQueryByFilterFormat]
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = SeriesQueryByFilterFormat(_format_)

        series_query_by_filter = cls(
            filter_=filter_,
            metrics=metrics,
            points=points,
            from_=from_,
            to=to,
            format_=format_,
        )

        return series_query_by_filter
