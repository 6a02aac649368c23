from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_confusion_groups_item import CampaignConfusionGroupsItem
    from ..models.campaign_run_selection import CampaignRunSelection


T = TypeVar("T", bound="CampaignConfusion")


@_attrs_define
class CampaignConfusion:
    """
    Attributes:
        campaign (str):
        path (str):
        group_by (list[str]):
        selection (CampaignRunSelection): The runs the report is over
        missing (list[str]): Ids of the selected runs without a confusion matrix at path
        groups (list['CampaignConfusionGroupsItem']):
    """

    campaign: str
    path: str
    group_by: list[str]
    selection: "CampaignRunSelection"
    missing: list[str]
    groups: list["CampaignConfusionGroupsItem"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign = self.campaign

        path = self.path

        group_by = self.group_by

        selection = self.selection.to_dict()

        missing = self.missing

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign": campaign,
                "path": path,
                "group_by": group_by,
                "selection": selection,
                "missing": missing,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_confusion_groups_item import CampaignConfusionGroupsItem
        from ..models.campaign_run_selection import CampaignRunSelection

        d = dict(src_dict)
        campaign = d.pop("campaign")

        path = d.pop("path")

        group_by = cast(list[str], d.pop("group_by"))

        selection = CampaignRunSelection.from_dict(d.pop("selection"))

        missing = cast(list[str], d.pop("missing"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = CampaignConfusionGroupsItem.from_dict(groups_item_data)

            groups.append(groups_item)

        campaign_confusion = cls(
            campaign=campaign,
            path=path,
            group_by=group_by,
            selection=selection,
            missing=missing,
            groups=groups,
        )

        campaign_confusion.additional_properties = d
        return campaign_confusion

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
