from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..models.query_series_body_format import QuerySeriesBodyFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.query_series_body_metrics_item import QuerySeriesBodyMetricsItem


T = TypeVar("T", bound="QuerySeriesBody")


@_attrs_define
class QuerySeriesBody:
    """
    Attributes:
        metrics (list['QuerySeriesBodyMetricsItem']):
        runs (Union[Unset, list[str]]):
        filter_ (Union[Unset, str]): Run filter language, instead of runs: the matching runs (archived hidden unless the
            filter names archived) in creation order. More than 1,000 matches is a 400: narrow the filter.
        points (Union[Unset, int]):  Default: 1000.
        from_ (Union[Unset, int]):
        to (Union[Unset, int]):
        format_ (Union[Unset, QuerySeriesBodyFormat]): rows (default): an object per point; columnar: an array per field
            Default: QuerySeriesBodyFormat.ROWS.
    """

    metrics: list["QuerySeriesBodyMetricsItem"]
    runs: Union[Unset, list[str]] = UNSET
    filter_: Union[Unset, str] = UNSET
    points: Union[Unset, int] = 1000
    from_: Union[Unset, int] = UNSET
    to: Union[Unset, int] = UNSET
    format_: Union[Unset, QuerySeriesBodyFormat] = QuerySeriesBodyFormat.ROWS

    def to_dict(self) -> dict[str, Any]:
        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        runs: Union[Unset, list[str]] = UNSET
        if not isinstance(self.runs, Unset):
            runs = self.runs

        filter_ = self.filter_

        points = self.points

        from_ = self.from_

        to = self.to

        format_: Union[Unset, str] = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metrics": metrics,
            }
        )
        if runs is not UNSET:
            field_dict["runs"] = runs
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
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
        from ..models.query_series_body_metrics_item import QuerySeriesBodyMetricsItem

        d = dict(src_dict)
        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = QuerySeriesBodyMetricsItem.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        runs = cast(list[str], d.pop("runs", UNSET))

        filter_ = d.pop("filter", UNSET)

        points = d.pop("points", UNSET)

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: Union[Unset, QuerySeriesBodyFormat]
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = QuerySeriesBodyFormat(_format_)

        query_series_body = cls(
            metrics=metrics,
            runs=runs,
            filter_=filter_,
            points=points,
            from_=from_,
            to=to,
            format_=format_,
        )

        return query_series_body
