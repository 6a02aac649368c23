from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.query_series_response_200 import QuerySeriesResponse200
from ...models.series_query_by_runs import SeriesQueryByRuns
from ...models.series_query_by_selection import SeriesQueryBySelection
from ...types import Response


def _get_kwargs(
    repo: str,
    *,
    body: Union["SeriesQueryByRuns", "SeriesQueryBySelection"],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/metrics/query".format(
            repo=repo,
        ),
    }

    _kwargs["json"]: dict[str, Any]
    if isinstance(body, SeriesQueryByRuns):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Problem, QuerySeriesResponse200]]:
    if response.status_code == 200:
        response_200 = QuerySeriesResponse200.from_dict(response.json())

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
) -> Response[Union[Problem, QuerySeriesResponse200]]:
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
    body: Union["SeriesQueryByRuns", "SeriesQueryBySelection"],
) -> Response[Union[Problem, QuerySeriesResponse200]]:
    """Read the series of many runs at once, each downsampled

     Choose the runs by id (runs), or by a selection: filter (run filter language) and/or status (a list
    of run statuses), at most 1,000 matching runs (more is a 400 asking to narrow the filter). With
    neither runs nor a selection, every unarchived run of the repo (any status) is read, as with an
    empty filter.

    Args:
        repo (str):
        body (Union['SeriesQueryByRuns', 'SeriesQueryBySelection']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, QuerySeriesResponse200]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union["SeriesQueryByRuns", "SeriesQueryBySelection"],
) -> Optional[Union[Problem, QuerySeriesResponse200]]:
    """Read the series of many runs at once, each downsampled

     Choose the runs by id (runs), or by a selection: filter (run filter language) and/or status (a list
    of run statuses), at most 1,000 matching runs (more is a 400 asking to narrow the filter). With
    neither runs nor a selection, every unarchived run of the repo (any status) is read, as with an
    empty filter.

    Args:
        repo (str):
        body (Union['SeriesQueryByRuns', 'SeriesQueryBySelection']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, QuerySeriesResponse200]
    """

    return sync_detailed(
        repo=repo,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union["SeriesQueryByRuns", "SeriesQueryBySelection"],
) -> Response[Union[Problem, QuerySeriesResponse200]]:
    """Read the series of many runs at once, each downsampled

     Choose the runs by id (runs), or by a selection: filter (run filter language) and/or status (a list
    of run statuses), at most 1,000 matching runs (more is a 400 asking to narrow the filter). With
    neither runs nor a selection, every unarchived run of the repo (any status) is read, as with an
    empty filter.

    Args:
        repo (str):
        body (Union['SeriesQueryByRuns', 'SeriesQueryBySelection']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, QuerySeriesResponse200]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union["SeriesQueryByRuns", "SeriesQueryBySelection"],
) -> Optional[Union[Problem, QuerySeriesResponse200]]:
    """Read the series of many runs at once, each downsampled

     Choose the runs by id (runs), or by a selection: filter (run filter language) and/or status (a list
    of run statuses), at most 1,000 matching runs (more is a 400 asking to narrow the filter). With
    neither runs nor a selection, every unarchived run of the repo (any status) is read, as with an
    empty filter.

    Args:
        repo (str):
        body (Union['SeriesQueryByRuns', 'SeriesQueryBySelection']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, QuerySeriesResponse200]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            client=client,
            body=body,
        )
    ).parsed
