from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.saved_view import SavedView
from ...types import Response


def _get_kwargs(
    repo: str,
    name: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/views/{name}".format(
            repo=repo,
            name=name,
        ),
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Problem, SavedView]]:
    if response.status_code == 200:
        response_200 = SavedView.from_dict(response.json())

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
) -> Response[Union[Problem, SavedView]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Response[Union[Problem, SavedView]]:
    """Get a saved view

    Args:
        repo (str):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, SavedView]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Optional[Union[Problem, SavedView]]:
    """Get a saved view

    Args:
        repo (str):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, SavedView]
    """

    return sync_detailed(
        repo=repo,
        name=name,
        client=client,
    ).parsed


async def asyncio_detailed(
    repo: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Response[Union[Problem, SavedView]]:
    """Get a saved view

    Args:
        repo (str):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, SavedView]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Optional[Union[Problem, SavedView]]:
    """Get a saved view

    Args:
        repo (str):
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, SavedView]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            name=name,
            client=client,
        )
    ).parsed
