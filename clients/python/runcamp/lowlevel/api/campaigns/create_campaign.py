from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_campaign_body import CreateCampaignBody
from ...models.create_campaign_response_200 import CreateCampaignResponse200
from ...models.create_campaign_response_201 import CreateCampaignResponse201
from ...models.create_campaign_response_400 import CreateCampaignResponse400
from ...models.create_campaign_response_409 import CreateCampaignResponse409
from ...models.create_campaign_response_413 import CreateCampaignResponse413
from ...models.create_campaign_response_415 import CreateCampaignResponse415
from ...types import Response


def _get_kwargs(
    repo: str,
    *,
    body: CreateCampaignBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/campaigns".format(
            repo=repo,
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[
    Union[
        CreateCampaignResponse200,
        CreateCampaignResponse201,
        CreateCampaignResponse400,
        CreateCampaignResponse409,
        CreateCampaignResponse413,
        CreateCampaignResponse415,
    ]
]:
    if response.status_code == 200:
        response_200 = CreateCampaignResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CreateCampaignResponse201.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CreateCampaignResponse400.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = CreateCampaignResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CreateCampaignResponse413.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CreateCampaignResponse415.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Response[
    Union[
        CreateCampaignResponse200,
        CreateCampaignResponse201,
        CreateCampaignResponse400,
        CreateCampaignResponse409,
        CreateCampaignResponse413,
        CreateCampaignResponse415,
    ]
]:
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
    body: CreateCampaignBody,
) -> Response[
    Union[
        CreateCampaignResponse200,
        CreateCampaignResponse201,
        CreateCampaignResponse400,
        CreateCampaignResponse409,
        CreateCampaignResponse413,
        CreateCampaignResponse415,
    ]
]:
    """Create a campaign (a group of runs summarised together)

    Args:
        repo (str):
        body (CreateCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CreateCampaignResponse200, CreateCampaignResponse201, CreateCampaignResponse400, CreateCampaignResponse409, CreateCampaignResponse413, CreateCampaignResponse415]]
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
    body: CreateCampaignBody,
) -> Optional[
    Union[
        CreateCampaignResponse200,
        CreateCampaignResponse201,
        CreateCampaignResponse400,
        CreateCampaignResponse409,
        CreateCampaignResponse413,
        CreateCampaignResponse415,
    ]
]:
    """Create a campaign (a group of runs summarised together)

    Args:
        repo (str):
        body (CreateCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CreateCampaignResponse200, CreateCampaignResponse201, CreateCampaignResponse400, CreateCampaignResponse409, CreateCampaignResponse413, CreateCampaignResponse415]
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
    body: CreateCampaignBody,
) -> Response[
    Union[
        CreateCampaignResponse200,
        CreateCampaignResponse201,
        CreateCampaignResponse400,
        CreateCampaignResponse409,
        CreateCampaignResponse413,
        CreateCampaignResponse415,
    ]
]:
    """Create a campaign (a group of runs summarised together)

    Args:
        repo (str):
        body (CreateCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[CreateCampaignResponse200, CreateCampaignResponse201, CreateCampaignResponse400, CreateCampaignResponse409, CreateCampaignResponse413, CreateCampaignResponse415]]
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
    body: CreateCampaignBody,
) -> Optional[
    Union[
        CreateCampaignResponse200,
        CreateCampaignResponse201,
        CreateCampaignResponse400,
        CreateCampaignResponse409,
        CreateCampaignResponse413,
        CreateCampaignResponse415,
    ]
]:
    """Create a campaign (a group of runs summarised together)

    Args:
        repo (str):
        body (CreateCampaignBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[CreateCampaignResponse200, CreateCampaignResponse201, CreateCampaignResponse400, CreateCampaignResponse409, CreateCampaignResponse413, CreateCampaignResponse415]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            client=client,
            body=body,
        )
    ).parsed
