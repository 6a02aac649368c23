from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ingest_columns_series_item import IngestColumnsSeriesItem


T = TypeVar("T", bound="IngestColumns")


@_attrs_define
class IngestColumns:
    """
    Attributes:
        series (list['IngestColumnsSeriesItem']): Up to 100,000 points in all; one series may appear more than once
        reopen (Union[Unset, bool]): Log to a finished run: it becomes running again
    """

    series: list["IngestColumnsSeriesItem"]
    reopen: Union[Unset, bool] = UNSET

    def to_dict(self) -> dict[str, Any]:
        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        reopen = self.reopen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "series": series,
            }
        )
        if reopen is not UNSET:
            field_dict["reopen"] = reopen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ingest_columns_series_item import IngestColumnsSeriesItem

        d = dict(src_dict)
        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = IngestColumnsSeriesItem.from_dict(series_item_data)

            series.append(series_item)

        reopen = d.pop("reopen", UNSET)

        ingest_columns = cls(
            series=series,
            reopen=reopen,
        )

        return ingest_columns
