from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConfusionMetricsWeightedAvg")


@_attrs_define
class ConfusionMetricsWeightedAvg:
    """Mean over the classes weighted by support

    Attributes:
        precision (float):
        recall (float):
        f1 (float):
        support (float): Samples of the class (its row sum); for an average, all samples
    """

    precision: float
    recall: float
    f1: float
    support: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        precision = self.precision

        recall = self.recall

        f1 = self.f1

        support = self.support

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "support": support,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        precision = d.pop("precision")

        recall = d.pop("recall")

        f1 = d.pop("f1")

        support = d.pop("support")

        confusion_metrics_weighted_avg = cls(
            precision=precision,
            recall=recall,
            f1=f1,
            support=support,
        )

        confusion_metrics_weighted_avg.additional_properties = d
        return confusion_metrics_weighted_avg

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
