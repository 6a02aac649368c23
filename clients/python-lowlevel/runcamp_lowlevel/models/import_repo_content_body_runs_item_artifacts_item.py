from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ImportRepoContentBodyRunsItemArtifactsItem")


@_attrs_define
class ImportRepoContentBodyRunsItemArtifactsItem:
    """
    Attributes:
        path (str): The artifact's path in the run: 1-1,024 characters, '/' separating segments; no empty, '.' or '..'
            segment, no leading '/', no control characters or backslashes. Sent URL-encoded segment by segment.
        created_at (str): The artifact (uploaded before this import) gets this creation time
    """

    path: str
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        created_at = self.created_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "path": path,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        created_at = d.pop("created_at")

        import_repo_content_body_runs_item_artifacts_item = cls(
            path=path,
            created_at=created_at,
        )

        return import_repo_content_body_runs_item_artifacts_item
