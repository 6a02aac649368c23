from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ingest_metrics_json_body_points_item import (
        IngestMetricsJsonBodyPointsItem,
    )


T = TypeVar("T", bound="IngestMetricsJsonBody")


@_attrs_define
class IngestMetricsJsonBody:
    """
    Attributes:
        points (list['IngestMetricsJsonBodyPointsItem']):
        reopen (Union[Unset, bool]): Log to a finished run: it becomes running again
    """

    points: list["IngestMetricsJsonBodyPointsItem"]
    reopen: Union[Unset, bool] = UNSET

    def to_dict(self) -> dict[str, Any]:
        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        reopen = self.reopen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "points": points,
            }
        )
        if reopen is not UNSET:
            field_dict["reopen"] = reopen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ingest_metrics_json_body_points_item import (
            IngestMetricsJsonBodyPointsItem,
        )

        d = dict(src_dict)
        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = IngestMetricsJsonBodyPointsItem.from_dict(points_item_data)

            points.append(points_item)

        reopen = d.pop("reopen", UNSET)

        ingest_metrics_json_body = cls(
            points=points,
            reopen=reopen,
        )

        return ingest_metrics_json_body
