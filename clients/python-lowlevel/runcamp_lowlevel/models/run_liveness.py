from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus

T = TypeVar("T", bound="RunLiveness")


@_attrs_define
class RunLiveness:
    """
    Attributes:
        id (str):
        status (RunStatus):
        last_activity_at (str):
        stale (bool):
        stale_after_seconds (float): The server's staleness time
    """

    id: str
    status: RunStatus
    last_activity_at: str
    stale: bool
    stale_after_seconds: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        last_activity_at = self.last_activity_at

        stale = self.stale

        stale_after_seconds = self.stale_after_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "last_activity_at": last_activity_at,
                "stale": stale,
                "stale_after_seconds": stale_after_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = RunStatus(d.pop("status"))

        last_activity_at = d.pop("last_activity_at")

        stale = d.pop("stale")

        stale_after_seconds = d.pop("stale_after_seconds")

        run_liveness = cls(
            id=id,
            status=status,
            last_activity_at=last_activity_at,
            stale=stale,
            stale_after_seconds=stale_after_seconds,
        )

        run_liveness.additional_properties = d
        return run_liveness

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
