from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.log_page import LogPage
from ...models.log_stream import LogStream
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    run: str,
    *,
    stream: Union[Unset, LogStream] = UNSET,
    q: Union[Unset, str] = UNSET,
    tail: Union[Unset, str] = UNSET,
    after: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    json_stream: Union[Unset, str] = UNSET
    if not isinstance(stream, Unset):
        json_stream = stream.value

    params["stream"] = json_stream

    params["q"] = q

    params["tail"] = tail

    params["after"] = after

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/runs/{run}/logs".format(
            repo=repo,
            run=run,
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[LogPage, Problem]]:
    if response.status_code == 200:
        response_200 = LogPage.from_dict(response.json())

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
) -> Response[Union[LogPage, Problem]]:
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
    stream: Union[Unset, LogStream] = UNSET,
    q: Union[Unset, str] = UNSET,
    tail: Union[Unset, str] = UNSET,
    after: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = UNSET,
) -> Response[Union[LogPage, Problem]]:
    """Read a run's log lines in seq order, filtered and paged (JSON) or whole (text)

     stream and q filter; tail keeps the last N lines of those; after and limit page through the rest
    (next_after). With Accept: text/plain, every line that stream, q, tail and after select (no pages;
    limit, if given, caps the count), each line's text followed by a newline, streamed.

    Args:
        repo (str):
        run (str):
        stream (Union[Unset, LogStream]):
        q (Union[Unset, str]):
        tail (Union[Unset, str]):
        after (Union[Unset, str]):
        limit (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[LogPage, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        stream=stream,
        q=q,
        tail=tail,
        after=after,
        limit=limit,
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
    stream: Union[Unset, LogStream] = UNSET,
    q: Union[Unset, str] = UNSET,
    tail: Union[Unset, str] = UNSET,
    after: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = UNSET,
) -> Optional[Union[LogPage, Problem]]:
    """Read a run's log lines in seq order, filtered and paged (JSON) or whole (text)

     stream and q filter; tail keeps the last N lines of those; after and limit page through the rest
    (next_after). With Accept: text/plain, every line that stream, q, tail and after select (no pages;
    limit, if given, caps the count), each line's text followed by a newline, streamed.

    Args:
        repo (str):
        run (str):
        stream (Union[Unset, LogStream]):
        q (Union[Unset, str]):
        tail (Union[Unset, str]):
        after (Union[Unset, str]):
        limit (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[LogPage, Problem]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        client=client,
        stream=stream,
        q=q,
        tail=tail,
        after=after,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    stream: Union[Unset, LogStream] = UNSET,
    q: Union[Unset, str] = UNSET,
    tail: Union[Unset, str] = UNSET,
    after: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = UNSET,
) -> Response[Union[LogPage, Problem]]:
    """Read a run's log lines in seq order, filtered and paged (JSON) or whole (text)

     stream and q filter; tail keeps the last N lines of those; after and limit page through the rest
    (next_after). With Accept: text/plain, every line that stream, q, tail and after select (no pages;
    limit, if given, caps the count), each line's text followed by a newline, streamed.

    Args:
        repo (str):
        run (str):
        stream (Union[Unset, LogStream]):
        q (Union[Unset, str]):
        tail (Union[Unset, str]):
        after (Union[Unset, str]):
        limit (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[LogPage, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        stream=stream,
        q=q,
        tail=tail,
        after=after,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    stream: Union[Unset, LogStream] = UNSET,
    q: Union[Unset, str] = UNSET,
    tail: Union[Unset, str] = UNSET,
    after: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = UNSET,
) -> Optional[Union[LogPage, Problem]]:
    """Read a run's log lines in seq order, filtered and paged (JSON) or whole (text)

     stream and q filter; tail keeps the last N lines of those; after and limit page through the rest
    (next_after). With Accept: text/plain, every line that stream, q, tail and after select (no pages;
    limit, if given, caps the count), each line's text followed by a newline, streamed.

    Args:
        repo (str):
        run (str):
        stream (Union[Unset, LogStream]):
        q (Union[Unset, str]):
        tail (Union[Unset, str]):
        after (Union[Unset, str]):
        limit (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[LogPage, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            client=client,
            stream=stream,
            q=q,
            tail=tail,
            after=after,
            limit=limit,
        )
    ).parsed
