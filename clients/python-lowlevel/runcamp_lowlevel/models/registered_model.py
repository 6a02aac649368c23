from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.registered_model_aliases import RegisteredModelAliases
    from ..models.registered_model_tags import RegisteredModelTags
    from ..models.registered_model_versions_item import RegisteredModelVersionsItem


T = TypeVar("T", bound="RegisteredModel")


@_attrs_define
class RegisteredModel:
    """
    Attributes:
        name (str):
        description (str):
        tags (RegisteredModelTags):
        aliases (RegisteredModelAliases): Alias → version
        created_at (str):
        updated_at (str):
        versions (list['RegisteredModelVersionsItem']): Every version, newest first, from any repo
    """

    name: str
    description: str
    tags: "RegisteredModelTags"
    aliases: "RegisteredModelAliases"
    created_at: str
    updated_at: str
    versions: list["RegisteredModelVersionsItem"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        tags = self.tags.to_dict()

        aliases = self.aliases.to_dict()

        created_at = self.created_at

        updated_at = self.updated_at

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "tags": tags,
                "aliases": aliases,
                "created_at": created_at,
                "updated_at": updated_at,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registered_model_aliases import RegisteredModelAliases
        from ..models.registered_model_tags import RegisteredModelTags
        from ..models.registered_model_versions_item import RegisteredModelVersionsItem

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        tags = RegisteredModelTags.from_dict(d.pop("tags"))

        aliases = RegisteredModelAliases.from_dict(d.pop("aliases"))

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = RegisteredModelVersionsItem.from_dict(versions_item_data)

            versions.append(versions_item)

        registered_model = cls(
            name=name,
            description=description,
            tags=tags,
            aliases=aliases,
            created_at=created_at,
            updated_at=updated_at,
            versions=versions,
        )

        registered_model.additional_properties = d
        return registered_model

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
