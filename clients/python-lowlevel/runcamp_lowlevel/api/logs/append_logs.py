from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.append_logs_body import AppendLogsBody
from ...models.log_append_result import LogAppendResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    repo: str,
    run: str,
    *,
    body: AppendLogsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/runs/{run}/logs".format(
            repo=repo,
            run=run,
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[LogAppendResult, Problem]]:
    if response.status_code == 200:
        response_200 = LogAppendResult.from_dict(response.json())

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
) -> Response[Union[LogAppendResult, Problem]]:
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
    body: AppendLogsBody,
) -> Response[Union[LogAppendResult, Problem]]:
    r"""Append lines of a run's captured output (stdout, stderr)

     Write scope. 1 to 10,000 lines per request, all stored or none, as `lines` (a JSON object per line)
    or `chunks` (lines joined by \"\n\", with the seq of the first), or both. A chunk's lines take the
    rules of a line. A line whose seq the run already holds is left as stored, so a retry is harmless.
    Accepted whatever the run's status. A run's logs hold at most RUNCAMP_MAX_LOG_BYTES_PER_RUN bytes of
    text (UTF-8; default 67108864): a request that would pass it is a 413 and stores nothing. Counts as
    the run's activity.

    Args:
        repo (str):
        run (str):
        body (AppendLogsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[LogAppendResult, Problem]]
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
    body: AppendLogsBody,
) -> Optional[Union[LogAppendResult, Problem]]:
    r"""Append lines of a run's captured output (stdout, stderr)

     Write scope. 1 to 10,000 lines per request, all stored or none, as `lines` (a JSON object per line)
    or `chunks` (lines joined by \"\n\", with the seq of the first), or both. A chunk's lines take the
    rules of a line. A line whose seq the run already holds is left as stored, so a retry is harmless.
    Accepted whatever the run's status. A run's logs hold at most RUNCAMP_MAX_LOG_BYTES_PER_RUN bytes of
    text (UTF-8; default 67108864): a request that would pass it is a 413 and stores nothing. Counts as
    the run's activity.

    Args:
        repo (str):
        run (str):
        body (AppendLogsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[LogAppendResult, Problem]
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
    body: AppendLogsBody,
) -> Response[Union[LogAppendResult, Problem]]:
    r"""Append lines of a run's captured output (stdout, stderr)

     Write scope. 1 to 10,000 lines per request, all stored or none, as `lines` (a JSON object per line)
    or `chunks` (lines joined by \"\n\", with the seq of the first), or both. A chunk's lines take the
    rules of a line. A line whose seq the run already holds is left as stored, so a retry is harmless.
    Accepted whatever the run's status. A run's logs hold at most RUNCAMP_MAX_LOG_BYTES_PER_RUN bytes of
    text (UTF-8; default 67108864): a request that would pass it is a 413 and stores nothing. Counts as
    the run's activity.

    Args:
        repo (str):
        run (str):
        body (AppendLogsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[LogAppendResult, Problem]]
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
    body: AppendLogsBody,
) -> Optional[Union[LogAppendResult, Problem]]:
    r"""Append lines of a run's captured output (stdout, stderr)

     Write scope. 1 to 10,000 lines per request, all stored or none, as `lines` (a JSON object per line)
    or `chunks` (lines joined by \"\n\", with the seq of the first), or both. A chunk's lines take the
    rules of a line. A line whose seq the run already holds is left as stored, so a retry is harmless.
    Accepted whatever the run's status. A run's logs hold at most RUNCAMP_MAX_LOG_BYTES_PER_RUN bytes of
    text (UTF-8; default 67108864): a request that would pass it is a 413 and stores nothing. Counts as
    the run's activity.

    Args:
        repo (str):
        run (str):
        body (AppendLogsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[LogAppendResult, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            client=client,
            body=body,
        )
    ).parsed
