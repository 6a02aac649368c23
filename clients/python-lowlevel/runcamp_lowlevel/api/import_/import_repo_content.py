from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_repo_content_body import ImportRepoContentBody
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    repo: str,
    *,
    body: ImportRepoContentBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/import".format(
            repo=repo,
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[ImportResult, Problem]]:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Union[ImportResult, Problem]]:
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
    body: ImportRepoContentBody,
) -> Response[Union[ImportResult, Problem]]:
    """Restore campaigns and runs with their stored timestamps (what `runcamp import` sends)

     Write scope. Each campaign and run is written exactly as given: created when absent, replaced when
    present (fields, status, created_at, updated_at, ended_at, last_activity_at, and the run's values as
    a whole). Send a run's points (POST .../metrics with reopen) and artifacts (PUT .../artifacts/...)
    first, then this: it puts back the status and times those routes move, and the artifacts'
    created_at. A run's campaign must be in the body or the repo (else a 400 on runs.N.campaign). At
    most 100 runs per request; all of it lands or none does. Instants are written as the API writes them
    (2026-01-31T12:00:00.000Z). The repo is created with the given description and created_at when it
    does not exist.

    Args:
        repo (str):
        body (ImportRepoContentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[ImportResult, Problem]]
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
    body: ImportRepoContentBody,
) -> Optional[Union[ImportResult, Problem]]:
    """Restore campaigns and runs with their stored timestamps (what `runcamp import` sends)

     Write scope. Each campaign and run is written exactly as given: created when absent, replaced when
    present (fields, status, created_at, updated_at, ended_at, last_activity_at, and the run's values as
    a whole). Send a run's points (POST .../metrics with reopen) and artifacts (PUT .../artifacts/...)
    first, then this: it puts back the status and times those routes move, and the artifacts'
    created_at. A run's campaign must be in the body or the repo (else a 400 on runs.N.campaign). At
    most 100 runs per request; all of it lands or none does. Instants are written as the API writes them
    (2026-01-31T12:00:00.000Z). The repo is created with the given description and created_at when it
    does not exist.

    Args:
        repo (str):
        body (ImportRepoContentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[ImportResult, Problem]
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
    body: ImportRepoContentBody,
) -> Response[Union[ImportResult, Problem]]:
    """Restore campaigns and runs with their stored timestamps (what `runcamp import` sends)

     Write scope. Each campaign and run is written exactly as given: created when absent, replaced when
    present (fields, status, created_at, updated_at, ended_at, last_activity_at, and the run's values as
    a whole). Send a run's points (POST .../metrics with reopen) and artifacts (PUT .../artifacts/...)
    first, then this: it puts back the status and times those routes move, and the artifacts'
    created_at. A run's campaign must be in the body or the repo (else a 400 on runs.N.campaign). At
    most 100 runs per request; all of it lands or none does. Instants are written as the API writes them
    (2026-01-31T12:00:00.000Z). The repo is created with the given description and created_at when it
    does not exist.

    Args:
        repo (str):
        body (ImportRepoContentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[ImportResult, Problem]]
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
    body: ImportRepoContentBody,
) -> Optional[Union[ImportResult, Problem]]:
    """Restore campaigns and runs with their stored timestamps (what `runcamp import` sends)

     Write scope. Each campaign and run is written exactly as given: created when absent, replaced when
    present (fields, status, created_at, updated_at, ended_at, last_activity_at, and the run's values as
    a whole). Send a run's points (POST .../metrics with reopen) and artifacts (PUT .../artifacts/...)
    first, then this: it puts back the status and times those routes move, and the artifacts'
    created_at. A run's campaign must be in the body or the repo (else a 400 on runs.N.campaign). At
    most 100 runs per request; all of it lands or none does. Instants are written as the API writes them
    (2026-01-31T12:00:00.000Z). The repo is created with the given description and created_at when it
    does not exist.

    Args:
        repo (str):
        body (ImportRepoContentBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[ImportResult, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            client=client,
            body=body,
        )
    ).parsed
