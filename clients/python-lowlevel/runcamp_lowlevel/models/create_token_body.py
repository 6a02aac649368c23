import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, Union

from attrs import define as _attrs_define
from dateutil.parser import isoparse

from ..models.create_token_body_scope import CreateTokenBodyScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateTokenBody")


@_attrs_define
class CreateTokenBody:
    """
    Attributes:
        scope (CreateTokenBodyScope): read: GET only; write: also create, change and delete runs, values, series and
            campaigns; admin: also tokens and deleting repos
        name (Union[Unset, str]):
        repo (Union[Unset, str]):
        expires_at (Union[Unset, datetime.datetime]):
    """

    scope: CreateTokenBodyScope
    name: Union[Unset, str] = UNSET
    repo: Union[Unset, str] = UNSET
    expires_at: Union[Unset, datetime.datetime] = UNSET

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope.value

        name = self.name

        repo = self.repo

        expires_at: Union[Unset, str] = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scope": scope,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if repo is not UNSET:
            field_dict["repo"] = repo
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = CreateTokenBodyScope(d.pop("scope"))

        name = d.pop("name", UNSET)

        repo = d.pop("repo", UNSET)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: Union[Unset, datetime.datetime]
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = isoparse(_expires_at)

        create_token_body = cls(
            scope=scope,
            name=name,
            repo=repo,
            expires_at=expires_at,
        )

        return create_token_body
