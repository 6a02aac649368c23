from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ingest_columns import IngestColumns
from ...models.ingest_metrics_json_body_type_0 import IngestMetricsJsonBodyType0
from ...models.ingest_metrics_reopen import IngestMetricsReopen
from ...models.ingest_metrics_response_200 import IngestMetricsResponse200
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    run: str,
    *,
    body: Union["IngestColumns", "IngestMetricsJsonBodyType0"],
    reopen: Union[Unset, IngestMetricsReopen] = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_reopen: Union[Unset, str] = UNSET
    if not isinstance(reopen, Unset):
        json_reopen = reopen.value

    params["reopen"] = json_reopen

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/runs/{run}/metrics".format(
            repo=repo,
            run=run,
        ),
        "params": params,
    }

    _kwargs["json"]: dict[str, Any]
    if isinstance(body, IngestMetricsJsonBodyType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[IngestMetricsResponse200, Problem]]:
    if response.status_code == 200:
        response_200 = IngestMetricsResponse200.from_dict(response.json())

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
) -> Response[Union[IngestMetricsResponse200, Problem]]:
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
    body: Union["IngestColumns", "IngestMetricsJsonBodyType0"],
    reopen: Union[Unset, IngestMetricsReopen] = UNSET,
) -> Response[Union[IngestMetricsResponse200, Problem]]:
    r"""Ingest a batch of metric points (atomic, idempotent per step)

     Body: JSON {points:[...]} (an object per point), JSON {series:[...]} (columnar: per series its name
    and context once, then steps, values and optional epochs and times as parallel arrays; the fastest
    form), or NDJSON (one point per line, Content-Type application/x-ndjson; reopen with ?reopen=true).
    Up to 100,000 points and 10,000 distinct series; all land or none do. Re-sending a step overwrites
    it; within one request the last occurrence of a step wins. A value NaN, Infinity or -Infinity is the
    string \"NaN\", \"Infinity\" or \"-Infinity\"; the bare tokens (as Python's json writes them) are
    read as those strings too.

    Args:
        repo (str):
        run (str):
        reopen (Union[Unset, IngestMetricsReopen]):
        body (Union['IngestColumns', 'IngestMetricsJsonBodyType0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[IngestMetricsResponse200, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        body=body,
        reopen=reopen,
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
    body: Union["IngestColumns", "IngestMetricsJsonBodyType0"],
    reopen: Union[Unset, IngestMetricsReopen] = UNSET,
) -> Optional[Union[IngestMetricsResponse200, Problem]]:
    r"""Ingest a batch of metric points (atomic, idempotent per step)

     Body: JSON {points:[...]} (an object per point), JSON {series:[...]} (columnar: per series its name
    and context once, then steps, values and optional epochs and times as parallel arrays; the fastest
    form), or NDJSON (one point per line, Content-Type application/x-ndjson; reopen with ?reopen=true).
    Up to 100,000 points and 10,000 distinct series; all land or none do. Re-sending a step overwrites
    it; within one request the last occurrence of a step wins. A value NaN, Infinity or -Infinity is the
    string \"NaN\", \"Infinity\" or \"-Infinity\"; the bare tokens (as Python's json writes them) are
    read as those strings too.

    Args:
        repo (str):
        run (str):
        reopen (Union[Unset, IngestMetricsReopen]):
        body (Union['IngestColumns', 'IngestMetricsJsonBodyType0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[IngestMetricsResponse200, Problem]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        client=client,
        body=body,
        reopen=reopen,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union["IngestColumns", "IngestMetricsJsonBodyType0"],
    reopen: Union[Unset, IngestMetricsReopen] = UNSET,
) -> Response[Union[IngestMetricsResponse200, Problem]]:
    r"""Ingest a batch of metric points (atomic, idempotent per step)

     Body: JSON {points:[...]} (an object per point), JSON {series:[...]} (columnar: per series its name
    and context once, then steps, values and optional epochs and times as parallel arrays; the fastest
    form), or NDJSON (one point per line, Content-Type application/x-ndjson; reopen with ?reopen=true).
    Up to 100,000 points and 10,000 distinct series; all land or none do. Re-sending a step overwrites
    it; within one request the last occurrence of a step wins. A value NaN, Infinity or -Infinity is the
    string \"NaN\", \"Infinity\" or \"-Infinity\"; the bare tokens (as Python's json writes them) are
    read as those strings too.

    Args:
        repo (str):
        run (str):
        reopen (Union[Unset, IngestMetricsReopen]):
        body (Union['IngestColumns', 'IngestMetricsJsonBodyType0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[IngestMetricsResponse200, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        body=body,
        reopen=reopen,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union["IngestColumns", "IngestMetricsJsonBodyType0"],
    reopen: Union[Unset, IngestMetricsReopen] = UNSET,
) -> Optional[Union[IngestMetricsResponse200, Problem]]:
    r"""Ingest a batch of metric points (atomic, idempotent per step)

     Body: JSON {points:[...]} (an object per point), JSON {series:[...]} (columnar: per series its name
    and context once, then steps, values and optional epochs and times as parallel arrays; the fastest
    form), or NDJSON (one point per line, Content-Type application/x-ndjson; reopen with ?reopen=true).
    Up to 100,000 points and 10,000 distinct series; all land or none do. Re-sending a step overwrites
    it; within one request the last occurrence of a step wins. A value NaN, Infinity or -Infinity is the
    string \"NaN\", \"Infinity\" or \"-Infinity\"; the bare tokens (as Python's json writes them) are
    read as those strings too.

    Args:
        repo (str):
        run (str):
        reopen (Union[Unset, IngestMetricsReopen]):
        body (Union['IngestColumns', 'IngestMetricsJsonBodyType0']):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[IngestMetricsResponse200, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            client=client,
            body=body,
            reopen=reopen,
        )
    ).parsed
