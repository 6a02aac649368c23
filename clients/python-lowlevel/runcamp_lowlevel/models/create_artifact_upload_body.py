from collections.abc import Mapping
from typing import Any, TypeVar, Union

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateArtifactUploadBody")


@_attrs_define
class CreateArtifactUploadBody:
    """
    Attributes:
        path (str): The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..'
            segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment.
        size (int): The artifact's size in bytes, as it will be sent
        sha256 (str): Lowercase hex SHA-256 of the bytes: checked on completion
        content_type (Union[Unset, str]):
    """

    path: str
    size: int
    sha256: str
    content_type: Union[Unset, str] = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        size = self.size

        sha256 = self.sha256

        content_type = self.content_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "size": size,
                "sha256": sha256,
            }
        )
        if content_type is not UNSET:
            field_dict["content_type"] = content_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        content_type = d.pop("content_type", UNSET)

        create_artifact_upload_body = cls(
            path=path,
            size=size,
            sha256=sha256,
            content_type=content_type,
        )

        create_artifact_upload_body.additional_properties = d
        return create_artifact_upload_body

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
