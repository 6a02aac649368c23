from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..models.series_query_by_runs_format import SeriesQueryByRunsFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.series_query_by_runs_metrics_item import SeriesQueryByRunsMetricsItem


T = TypeVar("T", bound="SeriesQueryByRuns")


@_attrs_define
class SeriesQueryByRuns:
    """
    Attributes:
        runs (list[str]):
        metrics (list['SeriesQueryByRunsMetricsItem']):
        points (Union[Unset, int]):  Default: 1000.
        from_ (Union[Unset, int]):
        to (Union[Unset, int]):
        format_ (Union[Unset, SeriesQueryByRunsFormat]): rows (default): an object per point; columnar: an array per
            field Default: SeriesQueryByRunsFormat.ROWS.
    """

    runs: list[str]
    metrics: list["SeriesQueryByRunsMetricsItem"]
    points: Union[Unset, int] = 1000
    from_: Union[Unset, int] = UNSET
    to: Union[Unset, int] = UNSET
    format_: Union[Unset, SeriesQueryByRunsFormat] = SeriesQueryByRunsFormat.ROWS

    def to_dict(self) -> dict[str, Any]:
        runs = self.runs

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
                "runs": runs,
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
        from ..models.series_query_by_runs_metrics_item import (
            SeriesQueryByRunsMetricsItem,
        )

        d = dict(src_dict)
        runs = cast(list[str], d.pop("runs"))

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = SeriesQueryByRunsMetricsItem.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        points = d.pop("points", UNSET)

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: Union[Unset, SeriesQueryByRunsFormat]
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = SeriesQueryByRunsFormat(_format_)

        series_query_by_runs = cls(
            runs=runs,
            metrics=metrics,
            points=points,
            from_=from_,
            to=to,
            format_=format_,
        )

        return series_query_by_runs
