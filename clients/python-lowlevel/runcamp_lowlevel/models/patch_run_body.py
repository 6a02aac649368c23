from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.patch_run_body_failure_type_0 import PatchRunBodyFailureType0
    from ..models.patch_run_body_params import PatchRunBodyParams
    from ..models.patch_run_body_tags import PatchRunBodyTags


T = TypeVar("T", bound="PatchRunBody")


@_attrs_define
class PatchRunBody:
    """
    Attributes:
        name (Union[Unset, str]):
        experiment (Union[Unset, str]):
        description (Union[Unset, str]):
        status (Union[Unset, RunStatus]):
        archived (Union[Unset, bool]):
        campaign (Union[None, Unset, str]):
        params (Union[Unset, PatchRunBodyParams]): JSON merge patch (RFC 7396): objects merge, null deletes a key
        tags (Union[Unset, PatchRunBodyTags]):
        failure (Union['PatchRunBodyFailureType0', None, Unset]): Why the run failed, as the SDK saw it: the uncaught
            exception's type and message; null clears it
    """

    name: Union[Unset, str] = UNSET
    experiment: Union[Unset, str] = UNSET
    description: Union[Unset, str] = UNSET
    status: Union[Unset, RunStatus] = UNSET
    archived: Union[Unset, bool] = UNSET
    campaign: Union[None, Unset, str] = UNSET
    params: Union[Unset, "PatchRunBodyParams"] = UNSET
    tags: Union[Unset, "PatchRunBodyTags"] = UNSET
    failure: Union["PatchRunBodyFailureType0", None, Unset] = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.patch_run_body_failure_type_0 import PatchRunBodyFailureType0

        name = self.name

        experiment = self.experiment

        description = self.description

        status: Union[Unset, str] = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        archived = self.archived

        campaign: Union[None, Unset, str]
        if isinstance(self.campaign, Unset):
            campaign = UNSET
        else:
            campaign = self.campaign

        params: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        tags: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        failure: Union[None, Unset, dict[str, Any]]
        if isinstance(self.failure, Unset):
            failure = UNSET
        elif isinstance(self.failure, PatchRunBodyFailureType0):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if experiment is not UNSET:
            field_dict["experiment"] = experiment
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status
        if archived is not UNSET:
            field_dict["archived"] = archived
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if params is not UNSET:
            field_dict["params"] = params
        if tags is not UNSET:
            field_dict["tags"] = tags
        if failure is not UNSET:
            field_dict["failure"] = failure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.patch_run_body_failure_type_0 import PatchRunBodyFailureType0
        from ..models.patch_run_body_params import PatchRunBodyParams
        from ..models.patch_run_body_tags import PatchRunBodyTags

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        experiment = d.pop("experiment", UNSET)

        description = d.pop("description", UNSET)

        _status = d.pop("status", UNSET)
        status: Union[Unset, RunStatus]
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RunStatus(_status)

        archived = d.pop("archived", UNSET)

        def _parse_campaign(data: object) -> Union[None, Unset, str]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Union[None, Unset, str], data)

        campaign = _parse_campaign(d.pop("campaign", UNSET))

        _params = d.pop("params", UNSET)
        params: Union[Unset, PatchRunBodyParams]
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = PatchRunBodyParams.from_dict(_params)

        _tags = d.pop("tags", UNSET)
        tags: Union[Unset, PatchRunBodyTags]
        if isinstance(_tags, Unset):
            tags = UNSET
        else:
            tags = PatchRunBodyTags.from_dict(_tags)

        def _parse_failure(
            data: object,
        ) -> Union["PatchRunBodyFailureType0", None, Unset]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_0 = PatchRunBodyFailureType0.from_dict(data)

                return failure_type_0
            except:  # noqa: E722
                pass
            return cast(Union["PatchRunBodyFailureType0", None, Unset], data)

        failure = _parse_failure(d.pop("failure", UNSET))

        patch_run_body = cls(
            name=name,
            experiment=experiment,
            description=description,
            status=status,
            archived=archived,
            campaign=campaign,
            params=params,
            tags=tags,
            failure=failure,
        )

        return patch_run_body
