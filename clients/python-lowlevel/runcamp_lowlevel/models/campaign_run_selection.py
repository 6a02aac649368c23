from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus

T = TypeVar("T", bound="CampaignRunSelection")


@_attrs_define
class CampaignRunSelection:
    """The runs the report is over

    Attributes:
        status (Union[None, list[RunStatus]]): The statuses counted; null: any
        filter_ (Union[None, str]):
        runs (float): How many of the campaign's runs the selection kept
    """

    status: Union[None, list[RunStatus]]
    filter_: Union[None, str]
    runs: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: Union[None, list[str]]
        if isinstance(self.status, list):
            status = []
            for status_type_0_item_data in self.status:
                status_type_0_item = status_type_0_item_data.value
                status.append(status_type_0_item)

        else:
            status = self.status

        filter_: Union[None, str]
        filter_ = self.filter_

        runs = self.runs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "filter": filter_,
                "runs": runs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_status(data: object) -> Union[None, list[RunStatus]]:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                status_type_0 = []
                _status_type_0 = data
                for status_type_0_item_data in _status_type_0:
                    status_type_0_item = RunStatus(status_type_0_item_data)

                    status_type_0.append(status_type_0_item)

                return status_type_0
            except:  # noqa: E722
                pass
            return cast(Union[None, list[RunStatus]], data)

        status = _parse_status(d.pop("status"))

        def _parse_filter_(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        filter_ = _parse_filter_(d.pop("filter"))

        runs = d.pop("runs")

        campaign_run_selection = cls(
            status=status,
            filter_=filter_,
            runs=runs,
        )

        campaign_run_selection.additional_properties = d
        return campaign_run_selection

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
