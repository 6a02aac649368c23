from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.across_runs import AcrossRuns


T = TypeVar("T", bound="CampaignConfusionGroupsItemAcrossRunsWeightedAvg")


@_attrs_define
class CampaignConfusionGroupsItemAcrossRunsWeightedAvg:
    """
    Attributes:
        precision (AcrossRuns): A metric computed on each run's own matrix, summarised across the runs
        recall (AcrossRuns): A metric computed on each run's own matrix, summarised across the runs
        f1 (AcrossRuns): A metric computed on each run's own matrix, summarised across the runs
    """

    precision: "AcrossRuns"
    recall: "AcrossRuns"
    f1: "AcrossRuns"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        precision = self.precision.to_dict()

        recall = self.recall.to_dict()

        f1 = self.f1.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.across_runs import AcrossRuns

        d = dict(src_dict)
        precision = AcrossRuns.from_dict(d.pop("precision"))

        recall = AcrossRuns.from_dict(d.pop("recall"))

        f1 = AcrossRuns.from_dict(d.pop("f1"))

        campaign_confusion_groups_item_across_runs_weighted_avg = cls(
            precision=precision,
            recall=recall,
            f1=f1,
        )

        campaign_confusion_groups_item_across_runs_weighted_avg.additional_properties = d
        return campaign_confusion_groups_item_across_runs_weighted_avg

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
