from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.close_stale_runs_body import CloseStaleRunsBody
from ...models.closed_stale_runs import ClosedStaleRuns
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    repo: str,
    *,
    body: CloseStaleRunsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/runs/close-stale".format(
            repo=repo,
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[ClosedStaleRuns, Problem]]:
    if response.status_code == 200:
        response_200 = ClosedStaleRuns.from_dict(response.json())

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
) -> Response[Union[ClosedStaleRuns, Problem]]:
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
    body: CloseStaleRunsBody,
) -> Response[Union[ClosedStaleRuns, Problem]]:
    """Mark stale runs (running, silent for longer than the staleness time) as killed

     A run is stale when it is running and its last activity (ingest, values, logs, create/resume,
    heartbeat) is older than RUNCAMP_STALE_AFTER_SECONDS (default 300). Each run closed gets status
    killed and ended_at = its last activity. Logging to it again reopens it, as for any finished run.

    Args:
        repo (str):
        body (CloseStaleRunsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[ClosedStaleRuns, Problem]]
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
    body: CloseStaleRunsBody,
) -> Optional[Union[ClosedStaleRuns, Problem]]:
    """Mark stale runs (running, silent for longer than the staleness time) as killed

     A run is stale when it is running and its last activity (ingest, values, logs, create/resume,
    heartbeat) is older than RUNCAMP_STALE_AFTER_SECONDS (default 300). Each run closed gets status
    killed and ended_at = its last activity. Logging to it again reopens it, as for any finished run.

    Args:
        repo (str):
        body (CloseStaleRunsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[ClosedStaleRuns, Problem]
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
    body: CloseStaleRunsBody,
) -> Response[Union[ClosedStaleRuns, Problem]]:
    """Mark stale runs (running, silent for longer than the staleness time) as killed

     A run is stale when it is running and its last activity (ingest, values, logs, create/resume,
    heartbeat) is older than RUNCAMP_STALE_AFTER_SECONDS (default 300). Each run closed gets status
    killed and ended_at = its last activity. Logging to it again reopens it, as for any finished run.

    Args:
        repo (str):
        body (CloseStaleRunsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[ClosedStaleRuns, Problem]]
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
    body: CloseStaleRunsBody,
) -> Optional[Union[ClosedStaleRuns, Problem]]:
    """Mark stale runs (running, silent for longer than the staleness time) as killed

     A run is stale when it is running and its last activity (ingest, values, logs, create/resume,
    heartbeat) is older than RUNCAMP_STALE_AFTER_SECONDS (default 300). Each run closed gets status
    killed and ended_at = its last activity. Logging to it again reopens it, as for any finished run.

    Args:
        repo (str):
        body (CloseStaleRunsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[ClosedStaleRuns, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            client=client,
            body=body,
        )
    ).parsed
