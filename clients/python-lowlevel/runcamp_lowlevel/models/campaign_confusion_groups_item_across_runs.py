from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.across_runs import AcrossRuns
    from ..models.campaign_confusion_groups_item_across_runs_classes_item import (
        CampaignConfusionGroupsItemAcrossRunsClassesItem,
    )
    from ..models.campaign_confusion_groups_item_across_runs_macro_avg import (
        CampaignConfusionGroupsItemAcrossRunsMacroAvg,
    )
    from ..models.campaign_confusion_groups_item_across_runs_weighted_avg import (
        CampaignConfusionGroupsItemAcrossRunsWeightedAvg,
    )


T = TypeVar("T", bound="CampaignConfusionGroupsItemAcrossRuns")


@_attrs_define
class CampaignConfusionGroupsItemAcrossRuns:
    """
    Attributes:
        accuracy (AcrossRuns): A metric computed on each run's own matrix, summarised across the runs
        classes (list['CampaignConfusionGroupsItemAcrossRunsClassesItem']): Per label, over the runs whose matrix has it
        macro_avg (CampaignConfusionGroupsItemAcrossRunsMacroAvg):
        weighted_avg (CampaignConfusionGroupsItemAcrossRunsWeightedAvg):
    """

    accuracy: "AcrossRuns"
    classes: list["CampaignConfusionGroupsItemAcrossRunsClassesItem"]
    macro_avg: "CampaignConfusionGroupsItemAcrossRunsMacroAvg"
    weighted_avg: "CampaignConfusionGroupsItemAcrossRunsWeightedAvg"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accuracy = self.accuracy.to_dict()

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
                "accuracy": accuracy,
                "classes": classes,
                "macro_avg": macro_avg,
                "weighted_avg": weighted_avg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.across_runs import AcrossRuns
        from ..models.campaign_confusion_groups_item_across_runs_classes_item import (
            CampaignConfusionGroupsItemAcrossRunsClassesItem,
        )
        from ..models.campaign_confusion_groups_item_across_runs_macro_avg import (
            CampaignConfusionGroupsItemAcrossRunsMacroAvg,
        )
        from ..models.campaign_confusion_groups_item_across_runs_weighted_avg import (
            CampaignConfusionGroupsItemAcrossRunsWeightedAvg,
        )

        d = dict(src_dict)
        accuracy = AcrossRuns.from_dict(d.pop("accuracy"))

        classes = []
        _classes = d.pop("classes")
        for classes_item_data in _classes:
            classes_item = CampaignConfusionGroupsItemAcrossRunsClassesItem.from_dict(
                classes_item_data
            )

            classes.append(classes_item)

        macro_avg = CampaignConfusionGroupsItemAcrossRunsMacroAvg.from_dict(
            d.pop("macro_avg")
        )

        weighted_avg = CampaignConfusionGroupsItemAcrossRunsWeightedAvg.from_dict(
            d.pop("weighted_avg")
        )

        campaign_confusion_groups_item_across_runs = cls(
            accuracy=accuracy,
            classes=classes,
            macro_avg=macro_avg,
            weighted_avg=weighted_avg,
        )

        campaign_confusion_groups_item_across_runs.additional_properties = d
        return campaign_confusion_groups_item_across_runs

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
