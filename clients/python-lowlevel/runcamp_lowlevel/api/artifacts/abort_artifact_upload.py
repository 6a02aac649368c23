from http import HTTPStatus
from typing import Any, Optional, Union, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    repo: str,
    run: str,
    upload: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/repos/{repo}/runs/{run}/artifact-uploads/{upload}".format(
            repo=repo,
            run=run,
            upload=upload,
        ),
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Any, Problem]]:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Union[Any, Problem]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Response[Union[Any, Problem]]:
    """Abort a presigned upload: its parts are dropped, nothing appears

    Args:
        repo (str):
        run (str):
        upload (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Any, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        upload=upload,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Optional[Union[Any, Problem]]:
    """Abort a presigned upload: its parts are dropped, nothing appears

    Args:
        repo (str):
        run (str):
        upload (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Any, Problem]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        upload=upload,
        client=client,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Response[Union[Any, Problem]]:
    """Abort a presigned upload: its parts are dropped, nothing appears

    Args:
        repo (str):
        run (str):
        upload (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Any, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        upload=upload,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
) -> Optional[Union[Any, Problem]]:
    """Abort a presigned upload: its parts are dropped, nothing appears

    Args:
        repo (str):
        run (str):
        upload (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Any, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            upload=upload,
            client=client,
        )
    ).parsed
