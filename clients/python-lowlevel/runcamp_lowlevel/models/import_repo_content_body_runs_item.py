from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast

from attrs import define as _attrs_define

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_repo_content_body_runs_item_artifacts_item import (
        ImportRepoContentBodyRunsItemArtifactsItem,
    )
    from ..models.import_repo_content_body_runs_item_failure_type_0 import (
        ImportRepoContentBodyRunsItemFailureType0,
    )
    from ..models.import_repo_content_body_runs_item_params import (
        ImportRepoContentBodyRunsItemParams,
    )
    from ..models.import_repo_content_body_runs_item_provenance_type_0 import (
        ImportRepoContentBodyRunsItemProvenanceType0,
    )
    from ..models.import_repo_content_body_runs_item_values_item import (
        ImportRepoContentBodyRunsItemValuesItem,
    )
    from ..models.run_input_in import RunInputIn


T = TypeVar("T", bound="ImportRepoContentBodyRunsItem")


@_attrs_define
class ImportRepoContentBodyRunsItem:
    """
    Attributes:
        id (str):
        status (RunStatus):
        created_at (str):
        updated_at (str):
        name (Union[Unset, str]):
        experiment (Union[Unset, str]):
        description (Union[Unset, str]):
        archived (Union[Unset, bool]):
        campaign (Union[None, Unset, str]):
        params (Union[Unset, ImportRepoContentBodyRunsItemParams]):
        tags (Union[Unset, list[str]]):
        provenance (Union['ImportRepoContentBodyRunsItemProvenanceType0', None, Unset]):
        ended_at (Union[None, Unset, str]):
        last_activity_at (Union[Unset, str]):
        failure (Union['ImportRepoContentBodyRunsItemFailureType0', None, Unset]): Why the run failed, as the SDK saw
            it: the uncaught exception's type and message; null clears it
        values (Union[Unset, list['ImportRepoContentBodyRunsItemValuesItem']]):
        inputs (Union[Unset, list['RunInputIn']]): The run's dataset inputs in the order first logged; replaced as a
            whole
        artifacts (Union[Unset, list['ImportRepoContentBodyRunsItemArtifactsItem']]):
    """

    id: str
    status: RunStatus
    created_at: str
    updated_at: str
    name: Union[Unset, str] = UNSET
    experiment: Union[Unset, str] = UNSET
    description: Union[Unset, str] = UNSET
    archived: Union[Unset, bool] = UNSET
    campaign: Union[None, Unset, str] = UNSET
    params: Union[Unset, "ImportRepoContentBodyRunsItemParams"] = UNSET
    tags: Union[Unset, list[str]] = UNSET
    provenance: Union["ImportRepoContentBodyRunsItemProvenanceType0", None, Unset] = (
        UNSET
    )
    ended_at: Union[None, Unset, str] = UNSET
    last_activity_at: Union[Unset, str] = UNSET
    failure: Union["ImportRepoContentBodyRunsItemFailureType0", None, Unset] = UNSET
    values: Union[Unset, list["ImportRepoContentBodyRunsItemValuesItem"]] = UNSET
    inputs: Union[Unset, list["RunInputIn"]] = UNSET
    artifacts: Union[Unset, list["ImportRepoContentBodyRunsItemArtifactsItem"]] = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_repo_content_body_runs_item_failure_type_0 import (
            ImportRepoContentBodyRunsItemFailureType0,
        )
        from ..models.import_repo_content_body_runs_item_provenance_type_0 import (
            ImportRepoContentBodyRunsItemProvenanceType0,
        )

        id = self.id

        status = self.status.value

        created_at = self.created_at

        updated_at = self.updated_at

        name = self.name

        experiment = self.experiment

        description = self.description

        archived = self.archived

        campaign: Union[None, Unset, str]
        if isinstance(self.campaign, Unset):
            campaign = UNSET
        else:
            campaign = self.campaign

        params: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        tags: Union[Unset, list[str]] = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        provenance: Union[None, Unset, dict[str, Any]]
        if isinstance(self.provenance, Unset):
            provenance = UNSET
        elif isinstance(self.provenance, ImportRepoContentBodyRunsItemProvenanceType0):
            provenance = self.provenance.to_dict()
        else:
            provenance = self.provenance

        ended_at: Union[None, Unset, str]
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        else:
            ended_at = self.ended_at

        last_activity_at = self.last_activity_at

        failure: Union[None, Unset, dict[str, Any]]
        if isinstance(self.failure, Unset):
            failure = UNSET
        elif isinstance(self.failure, ImportRepoContentBodyRunsItemFailureType0):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        values: Union[Unset, list[dict[str, Any]]] = UNSET
        if not isinstance(self.values, Unset):
            values = []
            for values_item_data in self.values:
                values_item = values_item_data.to_dict()
                values.append(values_item)

        inputs: Union[Unset, list[dict[str, Any]]] = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        artifacts: Union[Unset, list[dict[str, Any]]] = UNSET
        if not isinstance(self.artifacts, Unset):
            artifacts = []
            for artifacts_item_data in self.artifacts:
                artifacts_item = artifacts_item_data.to_dict()
                artifacts.append(artifacts_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if experiment is not UNSET:
            field_dict["experiment"] = experiment
        if description is not UNSET:
            field_dict["description"] = description
        if archived is not UNSET:
            field_dict["archived"] = archived
        if campaign is not UNSET:
            field_dict["campaign"] = campaign
        if params is not UNSET:
            field_dict["params"] = params
        if tags is not UNSET:
            field_dict["tags"] = tags
        if provenance is not UNSET:
            field_dict["provenance"] = provenance
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if last_activity_at is not UNSET:
            field_dict["last_activity_at"] = last_activity_at
        if failure is not UNSET:
            field_dict["failure"] = failure
        if values is not UNSET:
            field_dict["values"] = values
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if artifacts is not UNSET:
            field_dict["artifacts"] = artifacts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_repo_content_body_runs_item_artifacts_item import (
            ImportRepoContentBodyRunsItemArtifactsItem,
        )
        from ..models.import_repo_content_body_runs_item_failure_type_0 import (
            ImportRepoContentBodyRunsItemFailureType0,
        )
        from ..models.import_repo_content_body_runs_item_params import (
            ImportRepoContentBodyRunsItemParams,
        )
        from ..models.import_repo_content_body_runs_item_provenance_type_0 import (
            ImportRepoContentBodyRunsItemProvenanceType0,
        )
        from ..models.import_repo_content_body_runs_item_values_item import (
            ImportRepoContentBodyRunsItemValuesItem,
        )
        from ..models.run_input_in import RunInputIn

        d = dict(src_dict)
        id = d.pop("id")

        status = RunStatus(d.pop("status"))

        created_at = d.pop("created_at")

        updated_at = d.pop("updated_at")

        name = d.pop("name", UNSET)

        experiment = d.pop("experiment", UNSET)

        description = d.pop("description", UNSET)

        archived = d.pop("archived", UNSET)

        def _parse_campaign(data: object) -> Union[None, Unset, str]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Union[None, Unset, str], data)

        campaign = _parse_campaign(d.pop("campaign", UNSET))

        _params = d.pop("params", UNSET)
        params: Union[Unset, ImportRepoContentBodyRunsItemParams]
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = ImportRepoContentBodyRunsItemParams.from_dict(_params)

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_provenance(
            data: object,
        ) -> Union["ImportRepoContentBodyRunsItemProvenanceType0", None, Unset]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                provenance_type_0 = (
                    ImportRepoContentBodyRunsItemProvenanceType0.from_dict(data)
                )

                return provenance_type_0
            except:  # noqa: E722
                pass
            return cast(
                Union["ImportRepoContentBodyRunsItemProvenanceType0", None, Unset], data
            )

        provenance = _parse_provenance(d.pop("provenance", UNSET))

        def _parse_ended_at(data: object) -> Union[None, Unset, str]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Union[None, Unset, str], data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        last_activity_at = d.pop("last_activity_at", UNSET)

        def _parse_failure(
            data: object,
        ) -> Union["ImportRepoContentBodyRunsItemFailureType0", None, Unset]:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_0 = ImportRepoContentBodyRunsItemFailureType0.from_dict(
                    data
                )

                return failure_type_0
            except:  # noqa: E722
                pass
            return cast(
                Union["ImportRepoContentBodyRunsItemFailureType0", None, Unset], data
            )

        failure = _parse_failure(d.pop("failure", UNSET))

        values = []
        _values = d.pop("values", UNSET)
        for values_item_data in _values or []:
            values_item = ImportRepoContentBodyRunsItemValuesItem.from_dict(
                values_item_data
            )

            values.append(values_item)

        inputs = []
        _inputs = d.pop("inputs", UNSET)
        for inputs_item_data in _inputs or []:
            inputs_item = RunInputIn.from_dict(inputs_item_data)

            inputs.append(inputs_item)

        artifacts = []
        _artifacts = d.pop("artifacts", UNSET)
        for artifacts_item_data in _artifacts or []:
            artifacts_item = ImportRepoContentBodyRunsItemArtifactsItem.from_dict(
                artifacts_item_data
            )

            artifacts.append(artifacts_item)

        import_repo_content_body_runs_item = cls(
            id=id,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
            name=name,
            experiment=experiment,
            description=description,
            archived=archived,
            campaign=campaign,
            params=params,
            tags=tags,
            provenance=provenance,
            ended_at=ended_at,
            last_activity_at=last_activity_at,
            failure=failure,
            values=values,
            inputs=inputs,
            artifacts=artifacts,
        )

        return import_repo_content_body_runs_item
