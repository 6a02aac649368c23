from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AcrossRuns")


@_attrs_define
class AcrossRuns:
    """A metric computed on each run's own matrix, summarised across the runs

    Attributes:
        n (float): Runs counted
        mean (Union[None, float]):
        std (Union[None, float]): Sample standard deviation (n - 1); null for n < 2
        min_ (Union[None, float]):
        max_ (Union[None, float]):
        ci95 (Union[None, float]): Half-width of the 95% confidence interval of the mean, t(0.975, n-1)·std/√n; null for
            n < 2
    """

    n: float
    mean: Union[None, float]
    std: Union[None, float]
    min_: Union[None, float]
    max_: Union[None, float]
    ci95: Union[None, float]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        n = self.n

        mean: Union[None, float]
        mean = self.mean

        std: Union[None, float]
        std = self.std

        min_: Union[None, float]
        min_ = self.min_

        max_: Union[None, float]
        max_ = self.max_

        ci95: Union[None, float]
        ci95 = self.ci95

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "n": n,
                "mean": mean,
                "std": std,
                "min": min_,
                "max": max_,
                "ci95": ci95,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        n = d.pop("n")

        def _parse_mean(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        mean = _parse_mean(d.pop("mean"))

        def _parse_std(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        std = _parse_std(d.pop("std"))

        def _parse_min_(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        min_ = _parse_min_(d.pop("min"))

        def _parse_max_(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        max_ = _parse_max_(d.pop("max"))

        def _parse_ci95(data: object) -> Union[None, float]:
            if data is None:
                return data
            return cast(Union[None, float], data)

        ci95 = _parse_ci95(d.pop("ci95"))

        across_runs = cls(
            n=n,
            mean=mean,
            std=std,
            min_=min_,
            max_=max_,
            ci95=ci95,
        )

        across_runs.additional_properties = d
        return across_runs

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
