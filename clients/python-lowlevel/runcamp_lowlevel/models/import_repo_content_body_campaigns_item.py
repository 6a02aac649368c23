from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_repo_content_body_campaigns_item_params import (
        ImportRepoContentBodyCampaignsItemParams,
    )


T = TypeVar("T", bound="ImportRepoContentBodyCampaignsItem")


@_attrs_define
class ImportRepoContentBodyCampaignsItem:
    """
    Attributes:
        id (str):
        name (str):
        created_at (str):
        description (Union[Unset, str]):
        params (Union[Unset, ImportRepoContentBodyCampaignsItemParams]):
    """

    id: str
    name: str
    created_at: str
    description: Union[Unset, str] = UNSET
    params: Union[Unset, "ImportRepoContentBodyCampaignsItemParams"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        created_at = self.created_at

        description = self.description

        params: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_repo_content_body_campaigns_item_params import (
            ImportRepoContentBodyCampaignsItemParams,
        )

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        created_at = d.pop("created_at")

        description = d.pop("description", UNSET)

        _params = d.pop("params", UNSET)
        params: Union[Unset, ImportRepoContentBodyCampaignsItemParams]
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = ImportRepoContentBodyCampaignsItemParams.from_dict(_params)

        import_repo_content_body_campaigns_item = cls(
            id=id,
            name=name,
            created_at=created_at,
            description=description,
            params=params,
        )

        return import_repo_content_body_campaigns_item
