from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.context import Context


T = TypeVar("T", bound="Artifact")


@_attrs_define
class Artifact:
    """
    Attributes:
        path (str):
        size (float): Bytes
        content_type (str):
        sha256 (str): Lowercase hex SHA-256 of the bytes; the ETag of a download, quoted
        created_at (str): When this version was stored
        step (Union[None, float]): The step it was logged at (an image per epoch); null: not logged per step
        context (Context):
    """

    path: str
    size: float
    content_type: str
    sha256: str
    created_at: str
    step: Union[None, float]
    context: "Context"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        size = self.size

        content_type = self.content_type

        sha256 = self.sha256

        created_at = self.created_at

        step: Union[None, float]
        step = self.step

        context = self.context.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "size": size,
                "content_type": content_type,
                "sha256": sha256,
                "created_at": created_at,
                "step": step,
                "context": context,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context

        d = dict(src_dict)
        path = d.pop("path")

        size = d.pop("size")

        content_type = d.pop("content_type")

        sha256 = d.pop("sha256")

        created_at = d.pop("created_at")

        def _parse_step(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        step = _parse_step(d.pop("step"))

        context = Context.from_dict(d.pop("context"))

        artifact = cls(
            path=path,
            size=size,
            content_type=content_type,
            sha256=sha256,
            created_at=created_at,
            step=step,
            context=context,
        )

        artifact.additional_properties = d
        return artifact

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
