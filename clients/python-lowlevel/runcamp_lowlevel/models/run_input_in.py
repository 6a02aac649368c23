from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_input_in_tags import RunInputInTags


T = TypeVar("T", bound="RunInputIn")


@_attrs_define
class RunInputIn:
    """
    Attributes:
        name (str):
        digest (Union[Unset, str]): Identifies the data's version; omitted: the first 8 hex digits of the SHA-256 of the
            source type, source, schema and profile
        source_type (Union[Unset, str]): Where the data lives, e.g. local, s3, http, hf_datasets, code
        source (Union[Unset, str]): Where to find it (MLflow: JSON text, e.g. {"uri": "s3://bucket/train.csv"})
        schema (Union[Unset, str]): Its columns (MLflow: JSON text, e.g. {"mlflow_colspec": [{"name": "x", "type":
            "double"}]})
        profile (Union[Unset, str]): Its summary statistics (MLflow: JSON text, e.g. {"num_rows": 100})
        context (Union[Unset, str]): The mlflow.data.context input tag: what the run used the data for (training, eval,
            ...)
        tags (Union[Unset, RunInputInTags]):
    """

    name: str
    digest: Union[Unset, str] = UNSET
    source_type: Union[Unset, str] = UNSET
    source: Union[Unset, str] = UNSET
    schema: Union[Unset, str] = UNSET
    profile: Union[Unset, str] = UNSET
    context: Union[Unset, str] = UNSET
    tags: Union[Unset, "RunInputInTags"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        digest = self.digest

        source_type = self.source_type

        source = self.source

        schema = self.schema

        profile = self.profile

        context = self.context

        tags: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if digest is not UNSET:
            field_dict["digest"] = digest
        if source_type is not UNSET:
            field_dict["source_type"] = source_type
        if source is not UNSET:
            field_dict["source"] = source
        if schema is not UNSET:
            field_dict["schema"] = schema
        if profile is not UNSET:
            field_dict["profile"] = profile
        if context is not UNSET:
            field_dict["context"] = context
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_input_in_tags import RunInputInTags

        d = dict(src_dict)
        name = d.pop("name")

        digest = d.pop("digest", UNSET)

        source_type = d.pop("source_type", UNSET)

        source = d.pop("source", UNSET)

        schema = d.pop("schema", UNSET)

        profile = d.pop("profile", UNSET)

        context = d.pop("context", UNSET)

        _tags = d.pop("tags", UNSET)
        tags: Union[Unset, RunInputInTags]
        if isinstance(_tags, Unset):
            tags = UNSET
        else:
            tags = RunInputInTags.from_dict(_tags)

        run_input_in = cls(
            name=name,
            digest=digest,
            source_type=source_type,
            source=source,
            schema=schema,
            profile=profile,
            context=context,
            tags=tags,
        )

        return run_input_in
