from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.registered_model_versions_item_run_type_0 import (
        RegisteredModelVersionsItemRunType0,
    )
    from ..models.registered_model_versions_item_tags import (
        RegisteredModelVersionsItemTags,
    )


T = TypeVar("T", bound="RegisteredModelVersionsItem")


@_attrs_define
class RegisteredModelVersionsItem:
    """
    Attributes:
        version (float):
        stage (str):
        description (str):
        source (str):
        run (Union['RegisteredModelVersionsItemRunType0', None]):
        logged_model (Union[None, str]):
        aliases (list[str]):
        tags (RegisteredModelVersionsItemTags):
        created_at (str):
    """

    version: float
    stage: str
    description: str
    source: str
    run: Union["RegisteredModelVersionsItemRunType0", None]
    logged_model: Union[None, str]
    aliases: list[str]
    tags: "RegisteredModelVersionsItemTags"
    created_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.registered_model_versions_item_run_type_0 import (
            RegisteredModelVersionsItemRunType0,
        )

        version = self.version

        stage = self.stage

        description = self.description

        source = self.source

        run: Union[None, dict[str, Any]]
        if isinstance(self.run, RegisteredModelVersionsItemRunType0):
            run = self.run.to_dict()
        else:
            run = self.run

        logged_model: Union[None, str]
        logged_model = self.logged_model

        aliases = self.aliases

        tags = self.tags.to_dict()

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "stage": stage,
                "description": description,
                "source": source,
                "run": run,
                "logged_model": logged_model,
                "aliases": aliases,
                "tags": tags,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registered_model_versions_item_run_type_0 import (
            RegisteredModelVersionsItemRunType0,
        )
        from ..models.registered_model_versions_item_tags import (
            RegisteredModelVersionsItemTags,
        )

        d = dict(src_dict)
        version = d.pop("version")

        stage = d.pop("stage")

        description = d.pop("description")

        source = d.pop("source")

        def _parse_run(
            data: object,
        ) -> Union["RegisteredModelVersionsItemRunType0", None]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                run_type_0 = RegisteredModelVersionsItemRunType0.from_dict(data)

                return run_type_0
            except:  # noqa: E722
                pass
            return cast(Union["RegisteredModelVersionsItemRunType0", None], data)

        run = _parse_run(d.pop("run"))

        def _parse_logged_model(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        logged_model = _parse_logged_model(d.pop("logged_model"))

        aliases = cast(list[str], d.pop("aliases"))

        tags = RegisteredModelVersionsItemTags.from_dict(d.pop("tags"))

        created_at = d.pop("created_at")

        registered_model_versions_item = cls(
            version=version,
            stage=stage,
            description=description,
            source=source,
            run=run,
            logged_model=logged_model,
            aliases=aliases,
            tags=tags,
            created_at=created_at,
        )

        registered_model_versions_item.additional_properties = d
        return registered_model_versions_item

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
