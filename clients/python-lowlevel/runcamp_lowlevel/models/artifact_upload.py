from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.artifact_upload_parts_item import ArtifactUploadPartsItem


T = TypeVar("T", bound="ArtifactUpload")


@_attrs_define
class ArtifactUpload:
    """
    Attributes:
        upload_id (str):
        part_size (float): Bytes of every part but the last, which holds the rest
        parts (list['ArtifactUploadPartsItem']): One presigned URL per part, numbered from 1
        expires_at (str): When the URLs stop working; complete before then
    """

    upload_id: str
    part_size: float
    parts: list["ArtifactUploadPartsItem"]
    expires_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = self.upload_id

        part_size = self.part_size

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

        expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "upload_id": upload_id,
                "part_size": part_size,
                "parts": parts,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.artifact_upload_parts_item import ArtifactUploadPartsItem

        d = dict(src_dict)
        upload_id = d.pop("upload_id")

        part_size = d.pop("part_size")

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = ArtifactUploadPartsItem.from_dict(parts_item_data)

            parts.append(parts_item)

        expires_at = d.pop("expires_at")

        artifact_upload = cls(
            upload_id=upload_id,
            part_size=part_size,
            parts=parts,
            expires_at=expires_at,
        )

        artifact_upload.additional_properties = d
        return artifact_upload

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
