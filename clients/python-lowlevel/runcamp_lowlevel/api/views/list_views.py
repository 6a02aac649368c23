from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.saved_view_page import SavedViewPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    *,
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/views".format(
            repo=repo,
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Problem, SavedViewPage]]:
    if response.status_code == 200:
        response_200 = SavedViewPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Response[Union[Problem, SavedViewPage]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
) -> Response[Union[Problem, SavedViewPage]]:
    """List the repo's saved views of the runs table, by name

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, SavedViewPage]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
) -> Optional[Union[Problem, SavedViewPage]]:
    """List the repo's saved views of the runs table, by name

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, SavedViewPage]
    """

    return sync_detailed(
        repo=repo,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
) -> Response[Union[Problem, SavedViewPage]]:
    """List the repo's saved views of the runs table, by name

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, SavedViewPage]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
) -> Optional[Union[Problem, SavedViewPage]]:
    """List the repo's saved views of the runs table, by name

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, SavedViewPage]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
