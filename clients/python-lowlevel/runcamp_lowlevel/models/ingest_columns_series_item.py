from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..models.wire_number_type_1 import WireNumberType1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context import Context


T = TypeVar("T", bound="IngestColumnsSeriesItem")


@_attrs_define
class IngestColumnsSeriesItem:
    """
    Attributes:
        name (str):
        steps (list[int]): The steps, one per point; any order, a repeated step: the last one wins
        values (list[Union[WireNumberType1, float]]): One value per step (as many items as steps)
        context (Union['Context', None, Unset]):
        epochs (Union[Unset, list[Union[None, int]]]): One epoch (or null) per step; absent: every epoch null
        times (Union[Unset, list[float]]): Unix seconds, one per step; absent: the time the server received the request
    """

    name: str
    steps: list[int]
    values: list[Union[WireNumberType1, float]]
    context: Union["Context", None, Unset] = UNSET
    epochs: Union[Unset, list[Union[None, int]]] = UNSET
    times: Union[Unset, list[float]] = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.context import Context

        name = self.name

        steps = self.steps

        values = []
        for values_item_data in self.values:
            values_item: Union[float, str]
            if isinstance(values_item_data, WireNumberType1):
                values_item = values_item_data.value
            else:
                values_item = values_item_data
            values.append(values_item)

        context: Union[None, Unset, dict[str, Any]]
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, Context):
            context = self.context.to_dict()
        else:
            context = self.context

        epochs: Union[Unset, list[Union[None, int]]] = UNSET
        if not isinstance(self.epochs, Unset):
            epochs = []
            for epochs_item_data in self.epochs:
                epochs_item: Union[None, int]
                epochs_item = epochs_item_data
                epochs.append(epochs_item)

        times: Union[Unset, list[float]] = UNSET
        if not isinstance(self.times, Unset):
            times = self.times

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "steps": steps,
                "values": values,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context
        if epochs is not UNSET:
            field_dict["epochs"] = epochs
        if times is not UNSET:
            field_dict["times"] = times

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context

        d = dict(src_dict)
        name = d.pop("name")

        steps = cast(list[int], d.pop("steps"))

        values = []
        _values = d.pop("values")
        for values_item_data in _values:

            def _parse_values_item(data: object) -> Union[WireNumberType1, float]:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_wire_number_type_1 = WireNumberType1(data)

                    return componentsschemas_wire_number_type_1
                except:  # noqa: E722
                    pass
                return cast(Union[WireNumberType1, float], data)

            values_item = _parse_values_item(values_item_data)

            values.append(values_item)

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

        epochs = []
        _epochs = d.pop("epochs", UNSET)
        for epochs_item_data in _epochs or []:

            def _parse_epochs_item(data: object) -> Union[None, int]:
                if data is None:
                    return data
                return cast(Union[None, int], data)

            epochs_item = _parse_epochs_item(epochs_item_data)

            epochs.append(epochs_item)

        times = cast(list[float], d.pop("times", UNSET))

        ingest_columns_series_item = cls(
            name=name,
            steps=steps,
            values=values,
            context=context,
            epochs=epochs,
            times=times,
        )

        return ingest_columns_series_item
