from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wire_number_type_1 import WireNumberType1

if TYPE_CHECKING:
    from ..models.context import Context
    from ..models.series_columns_buckets_type_0 import SeriesColumnsBucketsType0
    from ..models.series_summary import SeriesSummary


T = TypeVar("T", bound="SeriesColumns")


@_attrs_define
class SeriesColumns:
    """
    Attributes:
        name (str):
        context (Context):
        summary (SeriesSummary):
        steps (list[float]):
        values (list[Union[WireNumberType1, float]]):
        epochs (list[Union[None, float]]):
        times (list[float]):
        buckets (Union['SeriesColumnsBucketsType0', None]): Downsampled reads only: per bucket, its step range, count,
            min and max (NaN ignored) with their steps
        next_cursor (Union[None, str]):
    """

    name: str
    context: "Context"
    summary: "SeriesSummary"
    steps: list[float]
    values: list[Union[WireNumberType1, float]]
    epochs: list[Union[None, float]]
    times: list[float]
    buckets: Union["SeriesColumnsBucketsType0", None]
    next_cursor: Union[None, str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.series_columns_buckets_type_0 import SeriesColumnsBucketsType0

        name = self.name

        context = self.context.to_dict()

        summary = self.summary.to_dict()

        steps = self.steps

        values = []
        for values_item_data in self.values:
            values_item: Union[float, str]
            if isinstance(values_item_data, WireNumberType1):
                values_item = values_item_data.value
            else:
                values_item = values_item_data
            values.append(values_item)

        epochs = []
        for epochs_item_data in self.epochs:
            epochs_item: Union[None, float]
            epochs_item = epochs_item_data
            epochs.append(epochs_item)

        times = self.times

        buckets: Union[None, dict[str, Any]]
        if isinstance(self.buckets, SeriesColumnsBucketsType0):
            buckets = self.buckets.to_dict()
        else:
            buckets = self.buckets

        next_cursor: Union[None, str]
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "context": context,
                "summary": summary,
                "steps": steps,
                "values": values,
                "epochs": epochs,
                "times": times,
                "buckets": buckets,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context import Context
        from ..models.series_columns_buckets_type_0 import SeriesColumnsBucketsType0
        from ..models.series_summary import SeriesSummary

        d = dict(src_dict)
        name = d.pop("name")

        context = Context.from_dict(d.pop("context"))

        summary = SeriesSummary.from_dict(d.pop("summary"))

        steps = cast(list[float], d.pop("steps"))

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

        epochs = []
        _epochs = d.pop("epochs")
        for epochs_item_data in _epochs:

            def _parse_epochs_item(data: object) -> Union[None, float]:
                if data is None:
                    return data
                return cast(Union[None, float], data)

            epochs_item = _parse_epochs_item(epochs_item_data)

            epochs.append(epochs_item)

        times = cast(list[float], d.pop("times"))

        def _parse_buckets(data: object) -> Union["SeriesColumnsBucketsType0", None]:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                buckets_type_0 = SeriesColumnsBucketsType0.from_dict(data)

                return buckets_type_0
            except:  # noqa: E722
                pass
            return cast(Union["SeriesColumnsBucketsType0", None], data)

        buckets = _parse_buckets(d.pop("buckets"))

        def _parse_next_cursor(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        series_columns = cls(
            name=name,
            context=context,
            summary=summary,
            steps=steps,
            values=values,
            epochs=epochs,
            times=times,
            buckets=buckets,
            next_cursor=next_cursor,
        )

        series_columns.additional_properties = d
        return series_columns

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
