from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_summary import CampaignSummary
from ...models.problem import Problem
from ...models.summarize_campaign_select import SummarizeCampaignSelect
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    campaign: str,
    *,
    metrics: Union[Unset, str] = UNSET,
    contexts: Union[Unset, str] = UNSET,
    group_by: Union[Unset, str] = UNSET,
    select: Union[Unset, SummarizeCampaignSelect] = SummarizeCampaignSelect.LAST,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["metrics"] = metrics

    params["contexts"] = contexts

    params["group_by"] = group_by

    json_select: Union[Unset, str] = UNSET
    if not isinstance(select, Unset):
        json_select = select.value

    params["select"] = json_select

    params["status"] = status

    params["filter"] = filter_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/campaigns/{campaign}/summary".format(
            repo=repo,
            campaign=campaign,
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[CampaignSummary, Problem]]:
    if response.status_code == 200:
        response_200 = CampaignSummary.from_dict(response.json())

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
) -> Response[Union[CampaignSummary, Problem]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    metrics: Union[Unset, str] = UNSET,
    contexts: Union[Unset, str] = UNSET,
    group_by: Union[Unset, str] = UNSET,
    select: Union[Unset, SummarizeCampaignSelect] = SummarizeCampaignSelect.LAST,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Response[Union[CampaignSummary, Problem]]:
    """Summarise a campaign: n, mean, std, min, max and 95% CI per group × metric × context

     Over the campaign's runs that are not archived and that the selection keeps: status (default
    finished: a run still running, or one that failed or was killed halfway, has no final result; any
    counts every run) and filter (run filter language). A filter naming status replaces the default.
    selection in the answer says which runs were counted. A metric resolves per run to a series (its
    last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left
    out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one
    column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min,
    max, ci95.

    Args:
        repo (str):
        campaign (str):
        metrics (Union[Unset, str]):
        contexts (Union[Unset, str]):
        group_by (Union[Unset, str]):
        select (Union[Unset, SummarizeCampaignSelect]):  Default: SummarizeCampaignSelect.LAST.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CampaignSummary, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        metrics=metrics,
        contexts=contexts,
        group_by=group_by,
        select=select,
        status=status,
        filter_=filter_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    metrics: Union[Unset, str] = UNSET,
    contexts: Union[Unset, str] = UNSET,
    group_by: Union[Unset, str] = UNSET,
    select: Union[Unset, SummarizeCampaignSelect] = SummarizeCampaignSelect.LAST,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Optional[Union[CampaignSummary, Problem]]:
    """Summarise a campaign: n, mean, std, min, max and 95% CI per group × metric × context

     Over the campaign's runs that are not archived and that the selection keeps: status (default
    finished: a run still running, or one that failed or was killed halfway, has no final result; any
    counts every run) and filter (run filter language). A filter naming status replaces the default.
    selection in the answer says which runs were counted. A metric resolves per run to a series (its
    last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left
    out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one
    column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min,
    max, ci95.

    Args:
        repo (str):
        campaign (str):
        metrics (Union[Unset, str]):
        contexts (Union[Unset, str]):
        group_by (Union[Unset, str]):
        select (Union[Unset, SummarizeCampaignSelect]):  Default: SummarizeCampaignSelect.LAST.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CampaignSummary, Problem]
    """

    return sync_detailed(
        repo=repo,
        campaign=campaign,
        client=client,
        metrics=metrics,
        contexts=contexts,
        group_by=group_by,
        select=select,
        status=status,
        filter_=filter_,
    ).parsed


async def asyncio_detailed(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    metrics: Union[Unset, str] = UNSET,
    contexts: Union[Unset, str] = UNSET,
    group_by: Union[Unset, str] = UNSET,
    select: Union[Unset, SummarizeCampaignSelect] = SummarizeCampaignSelect.LAST,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Response[Union[CampaignSummary, Problem]]:
    """Summarise a campaign: n, mean, std, min, max and 95% CI per group × metric × context

     Over the campaign's runs that are not archived and that the selection keeps: status (default
    finished: a run still running, or one that failed or was killed halfway, has no final result; any
    counts every run) and filter (run filter language). A filter naming status replaces the default.
    selection in the answer says which runs were counted. A metric resolves per run to a series (its
    last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left
    out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one
    column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min,
    max, ci95.

    Args:
        repo (str):
        campaign (str):
        metrics (Union[Unset, str]):
        contexts (Union[Unset, str]):
        group_by (Union[Unset, str]):
        select (Union[Unset, SummarizeCampaignSelect]):  Default: SummarizeCampaignSelect.LAST.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CampaignSummary, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        metrics=metrics,
        contexts=contexts,
        group_by=group_by,
        select=select,
        status=status,
        filter_=filter_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    metrics: Union[Unset, str] = UNSET,
    contexts: Union[Unset, str] = UNSET,
    group_by: Union[Unset, str] = UNSET,
    select: Union[Unset, SummarizeCampaignSelect] = SummarizeCampaignSelect.LAST,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Optional[Union[CampaignSummary, Problem]]:
    """Summarise a campaign: n, mean, std, min, max and 95% CI per group × metric × context

     Over the campaign's runs that are not archived and that the selection keeps: status (default
    finished: a run still running, or one that failed or was killed halfway, has no final result; any
    counts every run) and filter (run filter language). A filter naming status replaces the default.
    selection in the answer says which runs were counted. A metric resolves per run to a series (its
    last/min/max per select) or, lacking one, to a numeric value. NaN values are counted in nan and left
    out. Rows are ordered by group, metric, context. With Accept: text/csv the same rows as CSV: one
    column per group_by path (named params.<path>), then metric, context (JSON), n, nan, mean, std, min,
    max, ci95.

    Args:
        repo (str):
        campaign (str):
        metrics (Union[Unset, str]):
        contexts (Union[Unset, str]):
        group_by (Union[Unset, str]):
        select (Union[Unset, SummarizeCampaignSelect]):  Default: SummarizeCampaignSelect.LAST.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CampaignSummary, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            campaign=campaign,
            client=client,
            metrics=metrics,
            contexts=contexts,
            group_by=group_by,
            select=select,
            status=status,
            filter_=filter_,
        )
    ).parsed
