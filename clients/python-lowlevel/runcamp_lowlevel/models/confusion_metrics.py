from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.confusion_metrics_classes_item import ConfusionMetricsClassesItem
    from ..models.confusion_metrics_macro_avg import ConfusionMetricsMacroAvg
    from ..models.confusion_metrics_weighted_avg import ConfusionMetricsWeightedAvg


T = TypeVar("T", bound="ConfusionMetrics")


@_attrs_define
class ConfusionMetrics:
    """scikit-learn's classification_report over the matrix (rows: true class, columns: predicted class); a ratio whose
    denominator is 0 is 0.

        Attributes:
            labels (list[Union[float, str]]):
            total (float): Samples counted: the sum of the matrix
            accuracy (float): Trace / total
            classes (list['ConfusionMetricsClassesItem']):
            macro_avg (ConfusionMetricsMacroAvg): Unweighted mean over the classes
            weighted_avg (ConfusionMetricsWeightedAvg): Mean over the classes weighted by support
    """

    labels: list[Union[float, str]]
    total: float
    accuracy: float
    classes: list["ConfusionMetricsClassesItem"]
    macro_avg: "ConfusionMetricsMacroAvg"
    weighted_avg: "ConfusionMetricsWeightedAvg"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        labels = []
        for labels_item_data in self.labels:
            labels_item: Union[float, str]
            labels_item = labels_item_data
            labels.append(labels_item)

        total = self.total

        accuracy = self.accuracy

        classes = []
        for classes_item_data in self.classes:
            classes_item = classes_item_data.to_dict()
            classes.append(classes_item)

        macro_avg = self.macro_avg.to_dict()

        weighted_avg = self.weighted_avg.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "labels": labels,
                "total": total,
                "accuracy": accuracy,
                "classes": classes,
                "macro_avg": macro_avg,
                "weighted_avg": weighted_avg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.confusion_metrics_classes_item import ConfusionMetricsClassesItem
        from ..models.confusion_metrics_macro_avg import ConfusionMetricsMacroAvg
        from ..models.confusion_metrics_weighted_avg import ConfusionMetricsWeightedAvg

        d = dict(src_dict)
        labels = []
        _labels = d.pop("labels")
        for labels_item_data in _labels:

            def _parse_labels_item(data: object) -> Union[float, str]:
                return cast(Union[float, str], data)

            labels_item = _parse_labels_item(labels_item_data)

            labels.append(labels_item)

        total = d.pop("total")

        accuracy = d.pop("accuracy")

        classes = []
        _classes = d.pop("classes")
        for classes_item_data in _classes:
            classes_item = ConfusionMetricsClassesItem.from_dict(classes_item_data)

            classes.append(classes_item)

        macro_avg = ConfusionMetricsMacroAvg.from_dict(d.pop("macro_avg"))

        weighted_avg = ConfusionMetricsWeightedAvg.from_dict(d.pop("weighted_avg"))

        confusion_metrics = cls(
            labels=labels,
            total=total,
            accuracy=accuracy,
            classes=classes,
            macro_avg=macro_avg,
            weighted_avg=weighted_avg,
        )

        confusion_metrics.additional_properties = d
        return confusion_metrics

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
