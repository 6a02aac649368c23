from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.patch_campaign_body_params import PatchCampaignBodyParams


T = TypeVar("T", bound="PatchCampaignBody")


@_attrs_define
class PatchCampaignBody:
    """
    Attributes:
        name (Union[Unset, str]):
        description (Union[Unset, str]):
        params (Union[Unset, PatchCampaignBodyParams]): JSON merge patch (RFC 7396)
    """

    name: Union[Unset, str] = UNSET
    description: Union[Unset, str] = UNSET
    params: Union[Unset, "PatchCampaignBodyParams"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        params: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.patch_campaign_body_params import PatchCampaignBodyParams

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _params = d.pop("params", UNSET)
        params: Union[Unset, PatchCampaignBodyParams]
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = PatchCampaignBodyParams.from_dict(_params)

        patch_campaign_body = cls(
            name=name,
            description=description,
            params=params,
        )

        return patch_campaign_body
