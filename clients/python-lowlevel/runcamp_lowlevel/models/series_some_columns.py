from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context import Context
    from ..models.series_some_columns_buckets_type_0 import (
        SeriesSomeColumnsBucketsType0,
    )
    from ..models.series_summary import SeriesSummary


T = TypeVar("T", bound="SeriesSomeColumns")


@_attrs_define
class SeriesSomeColumns:
    """
    Attributes:
        name (str):
        context (Context):
        summary (SeriesSummary):
        next_cursor (Union[None, str]):
        steps (Union[Unset, list[float]]):
        values (Union[Unset, list[Union[WireNumberType1, float]]]):
        epochs (Union[Unset, list[Union[None, float]]]):
        times (Union[Unset, list[float]]):
        buckets (Union['SeriesSomeColumnsBucketsType0', None, Unset]): Downsampled reads only: per bucket, its step
            range, count, min and max (NaN ignored) with their steps
    """

    name: str
    context: "Context"
    summary: "SeriesSummary"
    next_cursor: Union[None, str]
    steps: Union[Unset, list[float]] = UNSET
    values: Union[Unset, list[Union[WireNumberType1, float]]] = UNSET
    epochs: Union[Unset, list[Union[None, float]]] = UNSET
    times: Union[Unset, list[float]] = UNSET
    buckets: Union["SeriesSomeColumnsBucketsType0", None, Unset] = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.series_some_columns_buckets_type_0 import (
            SeriesSomeColumnsBucketsType0,
        )

        name = self.name

        context = self.context.to_dict()

        summary = self.summary.to_dict()

        next_cursor: Union[None, str]
        next_cursor = self.next_cursor

        steps: Union[Unset, list[float]] = UNSET
        if not isinstance(self.steps, Unset):
            steps = self.steps

        values: Union[Unset, list[Union[float, str]]] = UNSET
        if not isinstance(self.values, Unset):
            values = []
            for values_item_data in self.values:
                values_item: Union[float, str]
                if isinstance(values_item_data, WireNumberType1):
                    values_item = values_item_data.value
                else:
                    values_item = values_item_data
                values.append(values_item)

        epochs: Union[Unset, list[Union[None, float]]] = UNSET
        if not isinstance(self.epochs, Unset):
            epochs = []
            for epochs_item_data in self.epochs:
                epochs_item: Union[None, float]
                epochs_item = epochs_item_data
                epochs.append(epochs_item)

        times: Union[Unset, list[float]] = UNSET
        if not isinstance(self.times, Unset):
            times = self.times

        buckets: Union[None, Unset, dict[str, Any]]
        if isinstance(self.buckets, Unset):
            buckets = UNSET
        elif isinstance(self.buckets, SeriesSomeColumnsBucketsType0):
            buckets = self.buckets.to_dict()
        else:
            buckets = self.buckets

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "context": context,
                "summary": summary,
                "next_cursor": next_cursor,
            }
        )
        if steps is not UNSET:
            field_dict["steps"] = steps
        if values is not UNSET:
            field_dict["values"] = values
        if epochs is not UNSET:
            field_dict["epochs"] = epochs
        if times is not UNSET:
            field_dict["times"] = times
        if buckets is not UNSET:
            field_dict["buckets"] = buckets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context
        from ..models.series_some_columns_buckets_type_0 import (
            SeriesSomeColumnsBucketsType0,
        )
        from ..models.series_summary import SeriesSummary

        d = dict(src_dict)
        name = d.pop("name")

        context = Context.from_dict(d.pop("context"))

        summary = SeriesSummary.from_dict(d.pop("summary"))

        def _parse_next_cursor(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        steps = cast(list[float], d.pop("steps", UNSET))

        values = []
        _values = d.pop("values", UNSET)
        for values_item_data in _values or []:

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

        epochs = []
        _epochs = d.pop("epochs", UNSET)
        for epochs_item_data in _epochs or []:

            def _parse_epochs_item(data: object) -> Union[None, float]:
                if data is None:
                    return data
                return cast(Union[None, float], data)

            epochs_item = _parse_epochs_item(epochs_item_data)

            epochs.append(epochs_item)

        times = cast(list[float], d.pop("times", UNSET))

        def _parse_buckets(
            data: object,
        ) -> Union["SeriesSomeColumnsBucketsType0", None, Unset]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                buckets_type_0 = SeriesSomeColumnsBucketsType0.from_dict(data)

                return buckets_type_0
            except:  # noqa: E722
                pass
            return cast(Union["SeriesSomeColumnsBucketsType0", None, Unset], data)

        buckets = _parse_buckets(d.pop("buckets", UNSET))

        series_some_columns = cls(
            name=name,
            context=context,
            summary=summary,
            next_cursor=next_cursor,
            steps=steps,
            values=values,
            epochs=epochs,
            times=times,
            buckets=buckets,
        )

        series_some_columns.additional_properties = d
        return series_some_columns

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
