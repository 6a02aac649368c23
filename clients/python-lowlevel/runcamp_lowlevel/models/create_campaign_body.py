from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_campaign_body_params import CreateCampaignBodyParams


T = TypeVar("T", bound="CreateCampaignBody")


@_attrs_define
class CreateCampaignBody:
    """
    Attributes:
        name (str):
        id (Union[Unset, str]): Client-chosen id: re-sending it returns the stored campaign
        description (Union[Unset, str]):
        params (Union[Unset, CreateCampaignBodyParams]): e.g. the grid the campaign runs over
    """

    name: str
    id: Union[Unset, str] = UNSET
    description: Union[Unset, str] = UNSET
    params: Union[Unset, "CreateCampaignBodyParams"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        description = self.description

        params: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if description is not UNSET:
            field_dict["description"] = description
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_campaign_body_params import CreateCampaignBodyParams

        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id", UNSET)

        description = d.pop("description", UNSET)

        _params = d.pop("params", UNSET)
        params: Union[Unset, CreateCampaignBodyParams]
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = CreateCampaignBodyParams.from_dict(_params)

        create_campaign_body = cls(
            name=name,
            id=id,
            description=description,
            params=params,
        )

        return create_campaign_body
