from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..models.wire_number_type_1 import WireNumberType1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context import Context


T = TypeVar("T", bound="IngestMetricsJsonBodyType0PointsItem")


@_attrs_define
class IngestMetricsJsonBodyType0PointsItem:
    """
    Attributes:
        name (str):
        step (int):
        value (Union[WireNumberType1, float]):
        context (Union['Context', None, Unset]):
        epoch (Union[None, Unset, int]):
        time (Union[Unset, float]): Unix seconds; defaults to the time the server received the request
    """

    name: str
    step: int
    value: Union[WireNumberType1, float]
    context: Union["Context", None, Unset] = UNSET
    epoch: Union[None, Unset, int] = UNSET
    time: Union[Unset, float] = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.context import Context

        name = self.name

        step = self.step

        value: Union[float, str]
        if isinstance(self.value, WireNumberType1):
            value = self.value.value
        else:
            value = self.value

        context: Union[None, Unset, dict[str, Any]]
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, Context):
            context = self.context.to_dict()
        else:
            context = self.context

        epoch: Union[None, Unset, int]
        if isinstance(self.epoch, Unset):
            epoch = UNSET
        else:
            epoch = self.epoch

        time = self.time

        field_dict: dict[str, Any] = {}

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

        def _parse_context(data: object) -> Union["Context", None, Unset]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = Context.from_dict(data)

                return context_type_0
            except:  # noqa: E722
                pass
            return cast(Union["Context", None, Unset], data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_epoch(data: object) -> Union[None, Unset, int]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Union[None, Unset, int], data)

        epoch = _parse_epoch(d.pop("epoch", UNSET))

        time = d.pop("time", UNSET)

        ingest_metrics_json_body_type_0_points_item = cls(
            name=name,
            step=step,
            value=value,
            context=context,
            epoch=epoch,
            time=time,
        )

        return ingest_metrics_json_body_type_0_points_item
