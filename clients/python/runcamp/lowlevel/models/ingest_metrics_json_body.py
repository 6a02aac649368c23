from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        reopen = self.reopen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        ingest_metrics_json_body.additional_properties = d
        return ingest_metrics_json_body

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
