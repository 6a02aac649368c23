from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.column_fields_metrics_item import ColumnFieldsMetricsItem
    from ..models.column_fields_values_item import ColumnFieldsValuesItem


T = TypeVar("T", bound="ColumnFields")


@_attrs_define
class ColumnFields:
    """
    Attributes:
        params (list[str]): Param paths of the repo's runs (leaves; arrays whole), as fields: params.optimizer.lr
        values (list['ColumnFieldsValuesItem']):
        metrics (list['ColumnFieldsMetricsItem']):
        tag_values (list[str]): Keys of the repo's key/value tags (MLflow's), as fields: tag_values.team
    """

    params: list[str]
    values: list["ColumnFieldsValuesItem"]
    metrics: list["ColumnFieldsMetricsItem"]
    tag_values: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        params = self.params

        values = []
        for values_item_data in self.values:
            values_item = values_item_data.to_dict()
            values.append(values_item)

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        tag_values = self.tag_values

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "params": params,
                "values": values,
                "metrics": metrics,
                "tag_values": tag_values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.column_fields_metrics_item import ColumnFieldsMetricsItem
        from ..models.column_fields_values_item import ColumnFieldsValuesItem

        d = dict(src_dict)
        params = cast(list[str], d.pop("params"))

        values = []
        _values = d.pop("values")
        for values_item_data in _values:
            values_item = ColumnFieldsValuesItem.from_dict(values_item_data)

            values.append(values_item)

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = ColumnFieldsMetricsItem.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        tag_values = cast(list[str], d.pop("tag_values"))

        column_fields = cls(
            params=params,
            values=values,
            metrics=metrics,
            tag_values=tag_values,
        )

        column_fields.additional_properties = d
        return column_fields

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
