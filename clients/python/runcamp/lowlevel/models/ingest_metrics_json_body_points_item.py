from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context import Context


T = TypeVar("T", bound="IngestMetricsJsonBodyPointsItem")


@_attrs_define
class IngestMetricsJsonBodyPointsItem:
    """
    Attributes:
        name (str):
        step (int):
        value (Union[WireNumberType1, float]):
        context (Union[Unset, Context]):
        epoch (Union[None, Unset, int]):
        time (Union[Unset, float]): Unix seconds; defaults to the time the server received the request
    """

    name: str
    step: int
    value: Union[WireNumberType1, float]
    context: Union[Unset, "Context"] = UNSET
    epoch: Union[None, Unset, int] = UNSET
    time: Union[Unset, float] = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        step = self.step

        value: Union[float, str]
        if isinstance(self.value, WireNumberType1):
            value = self.value.value
        else:
            value = self.value

        context: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        epoch: Union[None, Unset, int]
        if isinstance(self.epoch, Unset):
            epoch = UNSET
        else:
            epoch = self.epoch

        time = self.time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "step": step,
                "value": value,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context
        if epoch is not UNSET:
            field_dict["epoch"] = epoch
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context

        d = dict(src_dict)
        name = d.pop("name")

        step = d.pop("step")

        def _parse_value(data: object) -> Union[WireNumberType1, float]:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_wire_number_type_1 = WireNumberType1(data)

                return componentsschemas_wire_number_type_1
            except:  # noqa: E722
                pass
            return cast(Union[WireNumberType1, float], data)

        value = _parse_value(d.pop("value"))

        _context = d.pop("context", UNSET)
        context: Union[Unset, Context]
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = Context.from_dict(_context)

        def _parse_epoch(data: object) -> Union[None, Unset, int]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Union[None, Unset, int], data)

        epoch = _parse_epoch(d.pop("epoch", UNSET))

        time = d.pop("time", UNSET)

        ingest_metrics_json_body_points_item = cls(
            name=name,
            step=step,
            value=value,
            context=context,
            epoch=epoch,
            time=time,
        )

        ingest_metrics_json_body_points_item.additional_properties = d
        return ingest_metrics_json_body_points_item

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
