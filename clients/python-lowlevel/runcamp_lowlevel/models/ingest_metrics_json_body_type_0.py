from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ingest_metrics_json_body_type_0_points_item import (
        IngestMetricsJsonBodyType0PointsItem,
    )


T = TypeVar("T", bound="IngestMetricsJsonBodyType0")


@_attrs_define
class IngestMetricsJsonBodyType0:
    """
    Attributes:
        points (list['IngestMetricsJsonBodyType0PointsItem']):
        reopen (Union[Unset, bool]): Log to a finished run: it becomes running again
    """

    points: list["IngestMetricsJsonBodyType0PointsItem"]
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
        from ..models.ingest_metrics_json_body_type_0_points_item import (
            IngestMetricsJsonBodyType0PointsItem,
        )

        d = dict(src_dict)
        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = IngestMetricsJsonBodyType0PointsItem.from_dict(
                points_item_data
            )

            points.append(points_item)

        reopen = d.pop("reopen", UNSET)

        ingest_metrics_json_body_type_0 = cls(
            points=points,
            reopen=reopen,
        )

        return ingest_metrics_json_body_type_0
