from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_confusion import CampaignConfusion
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    campaign: str,
    *,
    path: str,
    group_by: Union[Unset, str] = UNSET,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["path"] = path

    params["group_by"] = group_by

    params["status"] = status

    params["filter"] = filter_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/campaigns/{campaign}/confusion".format(
            repo=repo,
            campaign=campaign,
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[CampaignConfusion, Problem]]:
    if response.status_code == 200:
        response_200 = CampaignConfusion.from_dict(response.json())

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
) -> Response[Union[CampaignConfusion, Problem]]:
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
    path: str,
    group_by: Union[Unset, str] = UNSET,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Response[Union[CampaignConfusion, Problem]]:
    """Sum the confusion matrices of a campaign's runs: the summed matrix, its metrics, and each metric's
    mean ± 95% CI across runs

     Over the campaign's runs that are not archived, that the selection keeps (status, default finished,
    and filter: as in the summary) and that have a confusion matrix artifact at path (the selected runs
    without one are listed in missing); selection in the answer says which runs were selected. Matrices
    are aligned by label. One group of all runs unless group_by names param paths (as in the summary).
    With Accept: text/csv the report as RFC 4180 CSV, one line per number: group columns
    (params.<path>), row (count, class, accuracy, macro_avg, weighted_avg), label, predicted, metric,
    value, then n, mean, std, min, max, ci95 across runs.

    Args:
        repo (str):
        campaign (str):
        path (str):
        group_by (Union[Unset, str]):
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CampaignConfusion, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        path=path,
        group_by=group_by,
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
    path: str,
    group_by: Union[Unset, str] = UNSET,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Optional[Union[CampaignConfusion, Problem]]:
    """Sum the confusion matrices of a campaign's runs: the summed matrix, its metrics, and each metric's
    mean ± 95% CI across runs

     Over the campaign's runs that are not archived, that the selection keeps (status, default finished,
    and filter: as in the summary) and that have a confusion matrix artifact at path (the selected runs
    without one are listed in missing); selection in the answer says which runs were selected. Matrices
    are aligned by label. One group of all runs unless group_by names param paths (as in the summary).
    With Accept: text/csv the report as RFC 4180 CSV, one line per number: group columns
    (params.<path>), row (count, class, accuracy, macro_avg, weighted_avg), label, predicted, metric,
    value, then n, mean, std, min, max, ci95 across runs.

    Args:
        repo (str):
        campaign (str):
        path (str):
        group_by (Union[Unset, str]):
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CampaignConfusion, Problem]
    """

    return sync_detailed(
        repo=repo,
        campaign=campaign,
        client=client,
        path=path,
        group_by=group_by,
        status=status,
        filter_=filter_,
    ).parsed


async def asyncio_detailed(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    path: str,
    group_by: Union[Unset, str] = UNSET,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Response[Union[CampaignConfusion, Problem]]:
    """Sum the confusion matrices of a campaign's runs: the summed matrix, its metrics, and each metric's
    mean ± 95% CI across runs

     Over the campaign's runs that are not archived, that the selection keeps (status, default finished,
    and filter: as in the summary) and that have a confusion matrix artifact at path (the selected runs
    without one are listed in missing); selection in the answer says which runs were selected. Matrices
    are aligned by label. One group of all runs unless group_by names param paths (as in the summary).
    With Accept: text/csv the report as RFC 4180 CSV, one line per number: group columns
    (params.<path>), row (count, class, accuracy, macro_avg, weighted_avg), label, predicted, metric,
    value, then n, mean, std, min, max, ci95 across runs.

    Args:
        repo (str):
        campaign (str):
        path (str):
        group_by (Union[Unset, str]):
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CampaignConfusion, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        path=path,
        group_by=group_by,
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
    path: str,
    group_by: Union[Unset, str] = UNSET,
    status: Union[Unset, str] = UNSET,
    filter_: Union[Unset, str] = UNSET,
) -> Optional[Union[CampaignConfusion, Problem]]:
    """Sum the confusion matrices of a campaign's runs: the summed matrix, its metrics, and each metric's
    mean ± 95% CI across runs

     Over the campaign's runs that are not archived, that the selection keeps (status, default finished,
    and filter: as in the summary) and that have a confusion matrix artifact at path (the selected runs
    without one are listed in missing); selection in the answer says which runs were selected. Matrices
    are aligned by label. One group of all runs unless group_by names param paths (as in the summary).
    With Accept: text/csv the report as RFC 4180 CSV, one line per number: group columns
    (params.<path>), row (count, class, accuracy, macro_avg, weighted_avg), label, predicted, metric,
    value, then n, mean, std, min, max, ci95 across runs.

    Args:
        repo (str):
        campaign (str):
        path (str):
        group_by (Union[Unset, str]):
        status (Union[Unset, str]):
        filter_ (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CampaignConfusion, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            campaign=campaign,
            client=client,
            path=path,
            group_by=group_by,
            status=status,
            filter_=filter_,
        )
    ).parsed
