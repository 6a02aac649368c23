from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_comparison import CampaignComparison
from ...models.compare_campaign_better import CompareCampaignBetter
from ...models.compare_campaign_select import CompareCampaignSelect
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    campaign: str,
    *,
    metric: str,
    context: Union[Unset, str] = UNSET,
    select: Union[Unset, CompareCampaignSelect] = CompareCampaignSelect.LAST,
    by: str,
    baseline: Union[Unset, str] = UNSET,
    pair_on: Union[Unset, str] = UNSET,
    better: Union[Unset, CompareCampaignBetter] = CompareCampaignBetter.HIGHER,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["metric"] = metric

    params["context"] = context

    json_select: Union[Unset, str] = UNSET
    if not isinstance(select, Unset):
        json_select = select.value

    params["select"] = json_select

    params["by"] = by

    params["baseline"] = baseline

    params["pair_on"] = pair_on

    json_better: Union[Unset, str] = UNSET
    if not isinstance(better, Unset):
        json_better = better.value

    params["better"] = json_better

    params["status"] = status

    params["filter"] = filter_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/campaigns/{campaign}/compare".format(
            repo=repo,
            campaign=campaign,
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[CampaignComparison, Problem]]:
    if response.status_code == 200:
        response_200 = CampaignComparison.from_dict(response.json())

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
) -> Response[Union[CampaignComparison, Problem]]:
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
    metric: str,
    context: Union[Unset, str] = UNSET,
    select: Union[Unset, CompareCampaignSelect] = CompareCampaignSelect.LAST,
    by: str,
    baseline: Union[Unset, str] = UNSET,
    pair_on: Union[Unset, str] = UNSET,
    better: Union[Unset, CompareCampaignBetter] = CompareCampaignBetter.HIGHER,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Response[Union[CampaignComparison, Problem]]:
    """Paired comparison of a campaign's groups with a baseline, across splits and seeds

     Groups the selected runs (as in the summary: status default finished, filter) by the value of `by`
    and pairs each group's runs with the baseline's runs of equal `pair_on` values. Per group other than
    the baseline: the pairs' mean difference (group − baseline) with its paired t 95% interval, the
    paired t-test and Wilcoxon signed-rank p-values (two-sided, as scipy computes them), the t p-values
    Holm-adjusted over the rows, Cohen's d_z, and the runs left without a partner. With three or more
    groups also the Friedman test over the complete blocks, the average ranks and the Nemenyi critical
    difference. NaN results are counted per group and left out. Two runs of one group with the same
    pair_on values are a 400. With Accept: text/csv the rows as CSV: params.<by>, n_pairs, mean_diff,
    ci95_low, ci95_high, p_ttest, p_wilcoxon, p_holm, effect_size, unpaired (a count), reason.

    Args:
        repo (str):
        campaign (str):
        metric (str):
        context (Union[Unset, str]):
        select (Union[Unset, CompareCampaignSelect]):  Default: CompareCampaignSelect.LAST.
        by (str):
        baseline (Union[Unset, str]):
        pair_on (Union[Unset, str]):
        better (Union[Unset, CompareCampaignBetter]):  Default: CompareCampaignBetter.HIGHER.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CampaignComparison, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        metric=metric,
        context=context,
        select=select,
        by=by,
        baseline=baseline,
        pair_on=pair_on,
        better=better,
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
    metric: str,
    context: Union[Unset, str] = UNSET,
    select: Union[Unset, CompareCampaignSelect] = CompareCampaignSelect.LAST,
    by: str,
    baseline: Union[Unset, str] = UNSET,
    pair_on: Union[Unset, str] = UNSET,
    better: Union[Unset, CompareCampaignBetter] = CompareCampaignBetter.HIGHER,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Optional[Union[CampaignComparison, Problem]]:
    """Paired comparison of a campaign's groups with a baseline, across splits and seeds

     Groups the selected runs (as in the summary: status default finished, filter) by the value of `by`
    and pairs each group's runs with the baseline's runs of equal `pair_on` values. Per group other than
    the baseline: the pairs' mean difference (group − baseline) with its paired t 95% interval, the
    paired t-test and Wilcoxon signed-rank p-values (two-sided, as scipy computes them), the t p-values
    Holm-adjusted over the rows, Cohen's d_z, and the runs left without a partner. With three or more
    groups also the Friedman test over the complete blocks, the average ranks and the Nemenyi critical
    difference. NaN results are counted per group and left out. Two runs of one group with the same
    pair_on values are a 400. With Accept: text/csv the rows as CSV: params.<by>, n_pairs, mean_diff,
    ci95_low, ci95_high, p_ttest, p_wilcoxon, p_holm, effect_size, unpaired (a count), reason.

    Args:
        repo (str):
        campaign (str):
        metric (str):
        context (Union[Unset, str]):
        select (Union[Unset, CompareCampaignSelect]):  Default: CompareCampaignSelect.LAST.
        by (str):
        baseline (Union[Unset, str]):
        pair_on (Union[Unset, str]):
        better (Union[Unset, CompareCampaignBetter]):  Default: CompareCampaignBetter.HIGHER.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CampaignComparison, Problem]
    """

    return sync_detailed(
        repo=repo,
        campaign=campaign,
        client=client,
        metric=metric,
        context=context,
        select=select,
        by=by,
        baseline=baseline,
        pair_on=pair_on,
        better=better,
        status=status,
        filter_=filter_,
    ).parsed


async def asyncio_detailed(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    metric: str,
    context: Union[Unset, str] = UNSET,
    select: Union[Unset, CompareCampaignSelect] = CompareCampaignSelect.LAST,
    by: str,
    baseline: Union[Unset, str] = UNSET,
    pair_on: Union[Unset, str] = UNSET,
    better: Union[Unset, CompareCampaignBetter] = CompareCampaignBetter.HIGHER,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Response[Union[CampaignComparison, Problem]]:
    """Paired comparison of a campaign's groups with a baseline, across splits and seeds

     Groups the selected runs (as in the summary: status default finished, filter) by the value of `by`
    and pairs each group's runs with the baseline's runs of equal `pair_on` values. Per group other than
    the baseline: the pairs' mean difference (group − baseline) with its paired t 95% interval, the
    paired t-test and Wilcoxon signed-rank p-values (two-sided, as scipy computes them), the t p-values
    Holm-adjusted over the rows, Cohen's d_z, and the runs left without a partner. With three or more
    groups also the Friedman test over the complete blocks, the average ranks and the Nemenyi critical
    difference. NaN results are counted per group and left out. Two runs of one group with the same
    pair_on values are a 400. With Accept: text/csv the rows as CSV: params.<by>, n_pairs, mean_diff,
    ci95_low, ci95_high, p_ttest, p_wilcoxon, p_holm, effect_size, unpaired (a count), reason.

    Args:
        repo (str):
        campaign (str):
        metric (str):
        context (Union[Unset, str]):
        select (Union[Unset, CompareCampaignSelect]):  Default: CompareCampaignSelect.LAST.
        by (str):
        baseline (Union[Unset, str]):
        pair_on (Union[Unset, str]):
        better (Union[Unset, CompareCampaignBetter]):  Default: CompareCampaignBetter.HIGHER.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CampaignComparison, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        metric=metric,
        context=context,
        select=select,
        by=by,
        baseline=baseline,
        pair_on=pair_on,
        better=better,
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
    metric: str,
    context: Union[Unset, str] = UNSET,
    select: Union[Unset, CompareCampaignSelect] = CompareCampaignSelect.LAST,
    by: str,
    baseline: Union[Unset, str] = UNSET,
    pair_on: Union[Unset, str] = UNSET,
    better: Union[Unset, CompareCampaignBetter] = CompareCampaignBetter.HIGHER,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Optional[Union[CampaignComparison, Problem]]:
    """Paired comparison of a campaign's groups with a baseline, across splits and seeds

     Groups the selected runs (as in the summary: status default finished, filter) by the value of `by`
    and pairs each group's runs with the baseline's runs of equal `pair_on` values. Per group other than
    the baseline: the pairs' mean difference (group − baseline) with its paired t 95% interval, the
    paired t-test and Wilcoxon signed-rank p-values (two-sided, as scipy computes them), the t p-values
    Holm-adjusted over the rows, Cohen's d_z, and the runs left without a partner. With three or more
    groups also the Friedman test over the complete blocks, the average ranks and the Nemenyi critical
    difference. NaN results are counted per group and left out. Two runs of one group with the same
    pair_on values are a 400. With Accept: text/csv the rows as CSV: params.<by>, n_pairs, mean_diff,
    ci95_low, ci95_high, p_ttest, p_wilcoxon, p_holm, effect_size, unpaired (a count), reason.

    Args:
        repo (str):
        campaign (str):
        metric (str):
        context (Union[Unset, str]):
        select (Union[Unset, CompareCampaignSelect]):  Default: CompareCampaignSelect.LAST.
        by (str):
        baseline (Union[Unset, str]):
        pair_on (Union[Unset, str]):
        better (Union[Unset, CompareCampaignBetter]):  Default: CompareCampaignBetter.HIGHER.
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CampaignComparison, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            campaign=campaign,
            client=client,
            metric=metric,
            context=context,
            select=select,
            by=by,
            baseline=baseline,
            pair_on=pair_on,
            better=better,
            status=status,
            filter_=filter_,
        )
    ).parsed
