from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..models.run_status import RunStatus
from ..models.series_query_by_selection_format import SeriesQueryBySelectionFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.series_query_by_selection_metrics_item import (
        SeriesQueryBySelectionMetricsItem,
    )


T = TypeVar("T", bound="SeriesQueryBySelection")


@_attrs_define
class SeriesQueryBySelection:
    """A run selection: filter and/or status; neither selects every unarchived run of the repo

    Attributes:
        metrics (list['SeriesQueryBySelectionMetricsItem']):
        filter_ (Union[Unset, str]): Run filter language, instead of runs: the matching runs (archived hidden unless the
            filter names archived) in creation order. More than 1,000 matches is a 400: narrow the filter.
        status (Union[Unset, list[RunStatus]]): Instead of runs, alone or with filter: only runs in these statuses.
            Default: any status (curves of running and crashed runs are worth seeing).
        points (Union[Unset, int]):  Default: 1000.
        from_ (Union[Unset, int]):
        to (Union[Unset, int]):
        format_ (Union[Unset, SeriesQueryBySelectionFormat]): rows (default): an object per point; columnar: an array
            per field Default: SeriesQueryBySelectionFormat.ROWS.
    """

    metrics: list["SeriesQueryBySelectionMetricsItem"]
    filter_: Union[Unset, str] = UNSET
    status: Union[Unset, list[RunStatus]] = UNSET
    points: Union[Unset, int] = 1000
    from_: Union[Unset, int] = UNSET
    to: Union[Unset, int] = UNSET
    format_: Union[Unset, SeriesQueryBySelectionFormat] = (
        SeriesQueryBySelectionFormat.ROWS
    )

    def to_dict(self) -> dict[str, Any]:
        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        filter_ = self.filter_

        status: Union[Unset, list[str]] = UNSET
        if not isinstance(self.status, Unset):
            status = []
            for status_item_data in self.status:
                status_item = status_item_data.value
                status.append(status_item)

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
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if status is not UNSET:
            field_dict["status"] = status
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
        from ..models.series_query_by_selection_metrics_item import (
            SeriesQueryBySelectionMetricsItem,
        )

        d = dict(src_dict)
        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = SeriesQueryBySelectionMetricsItem.from_dict(
                metrics_item_data
            )

            metrics.append(metrics_item)

        filter_ = d.pop("filter", UNSET)

        status = []
        _status = d.pop("status", UNSET)
        for status_item_data in _status or []:
            status_item = RunStatus(status_item_data)

            status.append(status_item)

        points = d.pop("points", UNSET)

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: Union[Unset, SeriesQueryBySelectionFormat]
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = SeriesQueryBySelectionFormat(_format_)

        series_query_by_selection = cls(
            metrics=metrics,
            filter_=filter_,
            status=status,
            points=points,
            from_=from_,
            to=to,
            format_=format_,
        )

        return series_query_by_selection
