from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_confusion_groups_item_across_runs import (
        CampaignConfusionGroupsItemAcrossRuns,
    )
    from ..models.campaign_confusion_groups_item_group import (
        CampaignConfusionGroupsItemGroup,
    )
    from ..models.confusion_metrics import ConfusionMetrics


T = TypeVar("T", bound="CampaignConfusionGroupsItem")


@_attrs_define
class CampaignConfusionGroupsItem:
    """
    Attributes:
        group (CampaignConfusionGroupsItemGroup): The group's param values by path; null where a run lacks the param
        runs (list[str]): Ids of the runs summed, oldest first
        labels (list[Union[float, str]]): Every label of the runs' matrices, in order of first appearance
        matrix (list[list[float]]): The runs' matrices summed, aligned by label (a label a run lacks counts 0 there)
        metrics (ConfusionMetrics): scikit-learn's classification_report over the matrix (rows: true class, columns:
            predicted class); a ratio whose denominator is 0 is 0.
        across_runs (CampaignConfusionGroupsItemAcrossRuns):
    """

    group: "CampaignConfusionGroupsItemGroup"
    runs: list[str]
    labels: list[Union[float, str]]
    matrix: list[list[float]]
    metrics: "ConfusionMetrics"
    across_runs: "CampaignConfusionGroupsItemAcrossRuns"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group.to_dict()

        runs = self.runs

        labels = []
        for labels_item_data in self.labels:
            labels_item: Union[float, str]
            labels_item = labels_item_data
            labels.append(labels_item)

        matrix = []
        for matrix_item_data in self.matrix:
            matrix_item = matrix_item_data

            matrix.append(matrix_item)

        metrics = self.metrics.to_dict()

        across_runs = self.across_runs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "runs": runs,
                "labels": labels,
                "matrix": matrix,
                "metrics": metrics,
                "across_runs": across_runs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_confusion_groups_item_across_runs import (
            CampaignConfusionGroupsItemAcrossRuns,
        )
        from ..models.campaign_confusion_groups_item_group import (
            CampaignConfusionGroupsItemGroup,
        )
        from ..models.confusion_metrics import ConfusionMetrics

        d = dict(src_dict)
        group = CampaignConfusionGroupsItemGroup.from_dict(d.pop("group"))

        runs = cast(list[str], d.pop("runs"))

        labels = []
        _labels = d.pop("labels")
        for labels_item_data in _labels:

            def _parse_labels_item(data: object) -> Union[float, str]:
                return cast(Union[float, str], data)

            labels_item = _parse_labels_item(labels_item_data)

            labels.append(labels_item)

        matrix = []
        _matrix = d.pop("matrix")
        for matrix_item_data in _matrix:
            matrix_item = cast(list[float], matrix_item_data)

            matrix.append(matrix_item)

        metrics = ConfusionMetrics.from_dict(d.pop("metrics"))

        across_runs = CampaignConfusionGroupsItemAcrossRuns.from_dict(
            d.pop("across_runs")
        )

        campaign_confusion_groups_item = cls(
            group=group,
            runs=runs,
            labels=labels,
            matrix=matrix,
            metrics=metrics,
            across_runs=across_runs,
        )

        campaign_confusion_groups_item.additional_properties = d
        return campaign_confusion_groups_item

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
