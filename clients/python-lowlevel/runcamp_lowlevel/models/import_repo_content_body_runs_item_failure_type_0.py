from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ImportRepoContentBodyRunsItemFailureType0")


@_attrs_define
class ImportRepoContentBodyRunsItemFailureType0:
    """
    Attributes:
        type_ (str):
        message (str):
    """

    type_: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        message = d.pop("message")

        import_repo_content_body_runs_item_failure_type_0 = cls(
            type_=type_,
            message=message,
        )

        return import_repo_content_body_runs_item_failure_type_0
