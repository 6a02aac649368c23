from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign import Campaign
from ...models.patch_campaign_body import PatchCampaignBody
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    repo: str,
    campaign: str,
    *,
    body: PatchCampaignBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/repos/{repo}/campaigns/{campaign}".format(
            repo=repo,
            campaign=campaign,
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Campaign, Problem]]:
    if response.status_code == 200:
        response_200 = Campaign.from_dict(response.json())

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
) -> Response[Union[Campaign, Problem]]:
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
    body: PatchCampaignBody,
) -> Response[Union[Campaign, Problem]]:
    """Update a campaign's name, description or params

    Args:
        repo (str):
        campaign (str):
        body (PatchCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Campaign, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        body=body,
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
    body: PatchCampaignBody,
) -> Optional[Union[Campaign, Problem]]:
    """Update a campaign's name, description or params

    Args:
        repo (str):
        campaign (str):
        body (PatchCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Campaign, Problem]
    """

    return sync_detailed(
        repo=repo,
        campaign=campaign,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: PatchCampaignBody,
) -> Response[Union[Campaign, Problem]]:
    """Update a campaign's name, description or params

    Args:
        repo (str):
        campaign (str):
        body (PatchCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Campaign, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        campaign=campaign,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    campaign: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: PatchCampaignBody,
) -> Optional[Union[Campaign, Problem]]:
    """Update a campaign's name, description or params

    Args:
        repo (str):
        campaign (str):
        body (PatchCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Campaign, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            campaign=campaign,
            client=client,
            body=body,
        )
    ).parsed
