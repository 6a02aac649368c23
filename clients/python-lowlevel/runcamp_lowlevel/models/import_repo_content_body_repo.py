from collections.abc import Mapping
from typing import Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportRepoContentBodyRepo")


@_attrs_define
class ImportRepoContentBodyRepo:
    """Used only when this import creates the repo; an existing repo is left as it is

    Attributes:
        created_at (str):
        description (Union[Unset, str]):
    """

    created_at: str
    description: Union[Unset, str] = UNSET

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at")

        description = d.pop("description", UNSET)

        import_repo_content_body_repo = cls(
            created_at=created_at,
            description=description,
        )

        return import_repo_content_body_repo
