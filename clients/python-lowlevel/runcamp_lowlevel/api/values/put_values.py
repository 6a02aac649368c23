from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.put_values_body_item import PutValuesBodyItem
from ...models.put_values_response_200 import PutValuesResponse200
from ...types import Response


def _get_kwargs(
    repo: str,
    run: str,
    *,
    body: list["PutValuesBodyItem"],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/repos/{repo}/runs/{run}/values".format(
            repo=repo,
            run=run,
        ),
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Problem, PutValuesResponse200]]:
    if response.status_code == 200:
        response_200 = PutValuesResponse200.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Response[Union[Problem, PutValuesResponse200]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: list["PutValuesBodyItem"],
) -> Response[Union[Problem, PutValuesResponse200]]:
    r"""Upsert values: one result per (name, context)

     NaN and ±Infinity are written as the strings \"NaN\", \"Infinity\", \"-Infinity\"; the bare tokens
    NaN, Infinity and -Infinity (as Python's json writes them) are read as those strings too.

    Args:
        repo (str):
        run (str):
        body (list['PutValuesBodyItem']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, PutValuesResponse200]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: list["PutValuesBodyItem"],
) -> Optional[Union[Problem, PutValuesResponse200]]:
    r"""Upsert values: one result per (name, context)

     NaN and ±Infinity are written as the strings \"NaN\", \"Infinity\", \"-Infinity\"; the bare tokens
    NaN, Infinity and -Infinity (as Python's json writes them) are read as those strings too.

    Args:
        repo (str):
        run (str):
        body (list['PutValuesBodyItem']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, PutValuesResponse200]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: list["PutValuesBodyItem"],
) -> Response[Union[Problem, PutValuesResponse200]]:
    r"""Upsert values: one result per (name, context)

     NaN and ±Infinity are written as the strings \"NaN\", \"Infinity\", \"-Infinity\"; the bare tokens
    NaN, Infinity and -Infinity (as Python's json writes them) are read as those strings too.

    Args:
        repo (str):
        run (str):
        body (list['PutValuesBodyItem']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, PutValuesResponse200]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: list["PutValuesBodyItem"],
) -> Optional[Union[Problem, PutValuesResponse200]]:
    r"""Upsert values: one result per (name, context)

     NaN and ±Infinity are written as the strings \"NaN\", \"Infinity\", \"-Infinity\"; the bare tokens
    NaN, Infinity and -Infinity (as Python's json writes them) are read as those strings too.

    Args:
        repo (str):
        run (str):
        body (list['PutValuesBodyItem']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, PutValuesResponse200]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            client=client,
            body=body,
        )
    ).parsed
