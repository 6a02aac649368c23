from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.run_input_tags import RunInputTags


T = TypeVar("T", bound="RunInput")


@_attrs_define
class RunInput:
    """
    Attributes:
        name (str):
        digest (str):
        source_type (str):
        source (str):
        schema (Union[None, str]):
        profile (Union[None, str]):
        context (Union[None, str]):
        tags (RunInputTags):
    """

    name: str
    digest: str
    source_type: str
    source: str
    schema: Union[None, str]
    profile: Union[None, str]
    context: Union[None, str]
    tags: "RunInputTags"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        digest = self.digest

        source_type = self.source_type

        source = self.source

        schema: Union[None, str]
        schema = self.schema

        profile: Union[None, str]
        profile = self.profile

        context: Union[None, str]
        context = self.context

        tags = self.tags.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "digest": digest,
                "source_type": source_type,
                "source": source,
                "schema": schema,
                "profile": profile,
                "context": context,
                "tags": tags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_input_tags import RunInputTags

        d = dict(src_dict)
        name = d.pop("name")

        digest = d.pop("digest")

        source_type = d.pop("source_type")

        source = d.pop("source")

        def _parse_schema(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        schema = _parse_schema(d.pop("schema"))

        def _parse_profile(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        profile = _parse_profile(d.pop("profile"))

        def _parse_context(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        context = _parse_context(d.pop("context"))

        tags = RunInputTags.from_dict(d.pop("tags"))

        run_input = cls(
            name=name,
            digest=digest,
            source_type=source_type,
            source=source,
            schema=schema,
            profile=profile,
            context=context,
            tags=tags,
        )

        run_input.additional_properties = d
        return run_input

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
