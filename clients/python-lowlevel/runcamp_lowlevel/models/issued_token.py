from collections.abc import Mapping
from typing import Any, TypeVar, Union, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.issued_token_scope import IssuedTokenScope

T = TypeVar("T", bound="IssuedToken")


@_attrs_define
class IssuedToken:
    """
    Attributes:
        id (str):
        name (str):
        scope (IssuedTokenScope): read: GET only; write: also create, change and delete runs, values, series and
            campaigns; admin: also tokens and deleting repos
        repo (Union[None, str]): The one repo the token may use; null: every repo
        created_at (str):
        expires_at (Union[None, str]):
        last_used_at (Union[None, str]): Updated at most once a minute
        token (str): The secret: shown this once, stored only as its SHA-256
    """

    id: str
    name: str
    scope: IssuedTokenScope
    repo: Union[None, str]
    created_at: str
    expires_at: Union[None, str]
    last_used_at: Union[None, str]
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        scope = self.scope.value

        repo: Union[None, str]
        repo = self.repo

        created_at = self.created_at

        expires_at: Union[None, str]
        expires_at = self.expires_at

        last_used_at: Union[None, str]
        last_used_at = self.last_used_at

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "scope": scope,
                "repo": repo,
                "created_at": created_at,
                "expires_at": expires_at,
                "last_used_at": last_used_at,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        scope = IssuedTokenScope(d.pop("scope"))

        def _parse_repo(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        repo = _parse_repo(d.pop("repo"))

        created_at = d.pop("created_at")

        def _parse_expires_at(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        def _parse_last_used_at(data: object) -> Union[None, str]:
            if data is None:
                return data
            return cast(Union[None, str], data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        token = d.pop("token")

        issued_token = cls(
            id=id,
            name=name,
            scope=scope,
            repo=repo,
            created_at=created_at,
            expires_at=expires_at,
            last_used_at=last_used_at,
            token=token,
        )

        issued_token.additional_properties = d
        return issued_token

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
