from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.view_state import ViewState


T = TypeVar("T", bound="PutViewBody")


@_attrs_define
class PutViewBody:
    """
    Attributes:
        state (ViewState):
    """

    state: "ViewState"

    def to_dict(self) -> dict[str, Any]:
        state = self.state.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.view_state import ViewState

        d = dict(src_dict)
        state = ViewState.from_dict(d.pop("state"))

        put_view_body = cls(
            state=state,
        )

        return put_view_body
