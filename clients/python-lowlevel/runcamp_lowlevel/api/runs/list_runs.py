from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_runs_provenance import ListRunsProvenance
from ...models.list_runs_total import ListRunsTotal
from ...models.problem import Problem
from ...models.run_list_page import RunListPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    *,
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
    sort: Union[Unset, str] = UNSET,
    columns: Union[Unset, str] = UNSET,
    provenance: Union[Unset, ListRunsProvenance] = ListRunsProvenance.TRUE,
    total: Union[Unset, ListRunsTotal] = ListRunsTotal.FALSE,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["filter"] = filter_

    params["sort"] = sort

    params["columns"] = columns

    json_provenance: Union[Unset, str] = UNSET
    if not isinstance(provenance, Unset):
        json_provenance = provenance.value

    params["provenance"] = json_provenance

    json_total: Union[Unset, str] = UNSET
    if not isinstance(total, Unset):
        json_total = total.value

    params["total"] = json_total

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/runs".format(
            repo=repo,
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Problem, RunListPage]]:
    if response.status_code == 200:
        response_200 = RunListPage.from_dict(response.json())

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
) -> Response[Union[Problem, RunListPage]]:
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
    filter_: Union[Unset, str] = UNSET,
    sort: Union[Unset, str] = UNSET,
    columns: Union[Unset, str] = UNSET,
    provenance: Union[Unset, ListRunsProvenance] = ListRunsProvenance.TRUE,
    total: Union[Unset, ListRunsTotal] = ListRunsTotal.FALSE,
) -> Response[Union[Problem, RunListPage]]:
    """Search runs: filter, sort, paginate

     Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the
    offending text. Pagination is stable for every sort: pass next_cursor back with the same sort. With
    Accept: text/csv every matching run (no page: limit does not apply and a cursor is a 400), in the
    sort's order: columns id, name, status, experiment, campaign, tags (space-separated), created_at,
    ended_at, then each of columns= under its text as requested.

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):
        filter_ (Union[Unset, str]):
        sort (Union[Unset, str]):
        columns (Union[Unset, str]):
        provenance (Union[Unset, ListRunsProvenance]):  Default: ListRunsProvenance.TRUE.
        total (Union[Unset, ListRunsTotal]):  Default: ListRunsTotal.FALSE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, RunListPage]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        limit=limit,
        cursor=cursor,
        filter_=filter_,
        sort=sort,
        columns=columns,
        provenance=provenance,
        total=total,
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
    filter_: Union[Unset, str] = UNSET,
    sort: Union[Unset, str] = UNSET,
    columns: Union[Unset, str] = UNSET,
    provenance: Union[Unset, ListRunsProvenance] = ListRunsProvenance.TRUE,
    total: Union[Unset, ListRunsTotal] = ListRunsTotal.FALSE,
) -> Optional[Union[Problem, RunListPage]]:
    """Search runs: filter, sort, paginate

     Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the
    offending text. Pagination is stable for every sort: pass next_cursor back with the same sort. With
    Accept: text/csv every matching run (no page: limit does not apply and a cursor is a 400), in the
    sort's order: columns id, name, status, experiment, campaign, tags (space-separated), created_at,
    ended_at, then each of columns= under its text as requested.

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):
        filter_ (Union[Unset, str]):
        sort (Union[Unset, str]):
        columns (Union[Unset, str]):
        provenance (Union[Unset, ListRunsProvenance]):  Default: ListRunsProvenance.TRUE.
        total (Union[Unset, ListRunsTotal]):  Default: ListRunsTotal.FALSE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, RunListPage]
    """

    return sync_detailed(
        repo=repo,
        client=client,
        limit=limit,
        cursor=cursor,
        filter_=filter_,
        sort=sort,
        columns=columns,
        provenance=provenance,
        total=total,
    ).parsed


async def asyncio_detailed(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
    sort: Union[Unset, str] = UNSET,
    columns: Union[Unset, str] = UNSET,
    provenance: Union[Unset, ListRunsProvenance] = ListRunsProvenance.TRUE,
    total: Union[Unset, ListRunsTotal] = ListRunsTotal.FALSE,
) -> Response[Union[Problem, RunListPage]]:
    """Search runs: filter, sort, paginate

     Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the
    offending text. Pagination is stable for every sort: pass next_cursor back with the same sort. With
    Accept: text/csv every matching run (no page: limit does not apply and a cursor is a 400), in the
    sort's order: columns id, name, status, experiment, campaign, tags (space-separated), created_at,
    ended_at, then each of columns= under its text as requested.

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):
        filter_ (Union[Unset, str]):
        sort (Union[Unset, str]):
        columns (Union[Unset, str]):
        provenance (Union[Unset, ListRunsProvenance]):  Default: ListRunsProvenance.TRUE.
        total (Union[Unset, ListRunsTotal]):  Default: ListRunsTotal.FALSE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, RunListPage]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        limit=limit,
        cursor=cursor,
        filter_=filter_,
        sort=sort,
        columns=columns,
        provenance=provenance,
        total=total,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    *,
    client: Union[AuthenticatedClient, Client],
    limit: Union[Unset, str] = "100",
    cursor: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
    sort: Union[Unset, str] = UNSET,
    columns: Union[Unset, str] = UNSET,
    provenance: Union[Unset, ListRunsProvenance] = ListRunsProvenance.TRUE,
    total: Union[Unset, ListRunsTotal] = ListRunsTotal.FALSE,
) -> Optional[Union[Problem, RunListPage]]:
    """Search runs: filter, sort, paginate

     Filter errors are a 400 whose detail and errors[0].message give the position (0-based) of the
    offending text. Pagination is stable for every sort: pass next_cursor back with the same sort. With
    Accept: text/csv every matching run (no page: limit does not apply and a cursor is a 400), in the
    sort's order: columns id, name, status, experiment, campaign, tags (space-separated), created_at,
    ended_at, then each of columns= under its text as requested.

    Args:
        repo (str):
        limit (Union[Unset, str]):  Default: '100'.
        cursor (Union[Unset, str]):
        filter_ (Union[Unset, str]):
        sort (Union[Unset, str]):
        columns (Union[Unset, str]):
        provenance (Union[Unset, ListRunsProvenance]):  Default: ListRunsProvenance.TRUE.
        total (Union[Unset, ListRunsTotal]):  Default: ListRunsTotal.FALSE.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, RunListPage]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            client=client,
            limit=limit,
            cursor=cursor,
            filter_=filter_,
            sort=sort,
            columns=columns,
            provenance=provenance,
            total=total,
        )
    ).parsed
