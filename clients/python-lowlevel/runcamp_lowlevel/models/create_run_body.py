from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_run_body_params import CreateRunBodyParams
    from ..models.create_run_body_provenance import CreateRunBodyProvenance


T = TypeVar("T", bound="CreateRunBody")


@_attrs_define
class CreateRunBody:
    """
    Attributes:
        id (Union[Unset, str]): Client-chosen id: re-sending it resumes the run instead of creating another
        name (Union[Unset, str]):
        experiment (Union[Unset, str]):
        description (Union[Unset, str]):
        params (Union[Unset, CreateRunBodyParams]):
        tags (Union[Unset, list[str]]):
        campaign (Union[Unset, str]): Campaign id or name, of a campaign of this repo: one that does not exist is a 400
            on campaign
        provenance (Union[Unset, CreateRunBodyProvenance]):
    """

    id: Union[Unset, str] = UNSET
    name: Union[Unset, str] = UNSET
    experiment: Union[Unset, str] = UNSET
    description: Union[Unset, str] = UNSET
    params: Union[Unset, "CreateRunBodyParams"] = UNSET
    tags: Union[Unset, list[str]] = UNSET
    campaign: Union[Unset, str] = UNSET
    provenance: Union[Unset, "CreateRunBodyProvenance"] = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        experiment = self.experiment

        description = self.description

        params: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        tags: Union[Unset, list[str]] = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        campaign = self.campaign

        provenance: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if experiment is not UNSET:
            field_dict["experiment"] = experiment
        if description is not UNSET:
            field_dict["description"] = description
        if params is not UNSET:
            field_dict["params"] = params
        if tags is not UNSET:
            field_dict["tags"] = tags
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_run_body_params import CreateRunBodyParams
        from ..models.create_run_body_provenance import CreateRunBodyProvenance

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        experiment = d.pop("experiment", UNSET)

        description = d.pop("description", UNSET)

        _params = d.pop("params", UNSET)
        params: Union[Unset, CreateRunBodyParams]
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = CreateRunBodyParams.from_dict(_params)

        tags = cast(list[str], d.pop("tags", UNSET))

        campaign = d.pop("campaign", UNSET)

        _provenance = d.pop("provenance", UNSET)
        provenance: Union[Unset, CreateRunBodyProvenance]
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = CreateRunBodyProvenance.from_dict(_provenance)

        create_run_body = cls(
            id=id,
            name=name,
            experiment=experiment,
            description=description,
            params=params,
            tags=tags,
            campaign=campaign,
            provenance=provenance,
        )

        return create_run_body
