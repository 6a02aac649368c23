from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, Union

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_repo_content_body_campaigns_item import (
        ImportRepoContentBodyCampaignsItem,
    )
    from ..models.import_repo_content_body_repo import ImportRepoContentBodyRepo
    from ..models.import_repo_content_body_runs_item import (
        ImportRepoContentBodyRunsItem,
    )


T = TypeVar("T", bound="ImportRepoContentBody")


@_attrs_define
class ImportRepoContentBody:
    """
    Attributes:
        repo (Union[Unset, ImportRepoContentBodyRepo]): Used only when this import creates the repo; an existing repo is
            left as it is
        campaigns (Union[Unset, list['ImportRepoContentBodyCampaignsItem']]):
        runs (Union[Unset, list['ImportRepoContentBodyRunsItem']]):
    """

    repo: Union[Unset, "ImportRepoContentBodyRepo"] = UNSET
    campaigns: Union[Unset, list["ImportRepoContentBodyCampaignsItem"]] = UNSET
    runs: Union[Unset, list["ImportRepoContentBodyRunsItem"]] = UNSET

    def to_dict(self) -> dict[str, Any]:
        repo: Union[Unset, dict[str, Any]] = UNSET
        if not isinstance(self.repo, Unset):
            repo = self.repo.to_dict()

        campaigns: Union[Unset, list[dict[str, Any]]] = UNSET
        if not isinstance(self.campaigns, Unset):
            campaigns = []
            for campaigns_item_data in self.campaigns:
                campaigns_item = campaigns_item_data.to_dict()
                campaigns.append(campaigns_item)

        runs: Union[Unset, list[dict[str, Any]]] = UNSET
        if not isinstance(self.runs, Unset):
            runs = []
            for runs_item_data in self.runs:
                runs_item = runs_item_data.to_dict()
                runs.append(runs_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if repo is not UNSET:
            field_dict["repo"] = repo
        if campaigns is not UNSET:
            field_dict["campaigns"] = campaigns
        if runs is not UNSET:
            field_dict["runs"] = runs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_repo_content_body_campaigns_item import (
            ImportRepoContentBodyCampaignsItem,
        )
        from ..models.import_repo_content_body_repo import ImportRepoContentBodyRepo
        from ..models.import_repo_content_body_runs_item import (
            ImportRepoContentBodyRunsItem,
        )

        d = dict(src_dict)
        _repo = d.pop("repo", UNSET)
        repo: Union[Unset, ImportRepoContentBodyRepo]
        if isinstance(_repo, Unset):
            repo = UNSET
        else:
            repo = ImportRepoContentBodyRepo.from_dict(_repo)

        campaigns = []
        _campaigns = d.pop("campaigns", UNSET)
        for campaigns_item_data in _campaigns or []:
            campaigns_item = ImportRepoContentBodyCampaignsItem.from_dict(
                campaigns_item_data
            )

            campaigns.append(campaigns_item)

        runs = []
        _runs = d.pop("runs", UNSET)
        for runs_item_data in _runs or []:
            runs_item = ImportRepoContentBodyRunsItem.from_dict(runs_item_data)

            runs.append(runs_item)

        import_repo_content_body = cls(
            repo=repo,
            campaigns=campaigns,
            runs=runs,
        )

        return import_repo_content_body
