from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.artifact import Artifact
from ...models.complete_artifact_upload_body import CompleteArtifactUploadBody
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    repo: str,
    run: str,
    upload: str,
    *,
    body: CompleteArtifactUploadBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/runs/{run}/artifact-uploads/{upload}/complete".format(
            repo=repo,
            run=run,
            upload=upload,
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Artifact, Problem]]:
    if response.status_code == 200:
        response_200 = Artifact.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Artifact.from_dict(response.json())

        return response_201

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
) -> Response[Union[Artifact, Problem]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: CompleteArtifactUploadBody,
) -> Response[Union[Artifact, Problem]]:
    """Complete a presigned upload: the artifact appears at its path, replacing the previous version

     The store assembles the parts; the server reads the object back and checks the declared size and
    SHA-256 (400, and the upload discarded, when they differ). A refused assembly (a part missing, a
    wrong ETag) is a 400 that leaves the upload open to retry.

    Args:
        repo (str):
        run (str):
        upload (str):
        body (CompleteArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Artifact, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        upload=upload,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: CompleteArtifactUploadBody,
) -> Optional[Union[Artifact, Problem]]:
    """Complete a presigned upload: the artifact appears at its path, replacing the previous version

     The store assembles the parts; the server reads the object back and checks the declared size and
    SHA-256 (400, and the upload discarded, when they differ). A refused assembly (a part missing, a
    wrong ETag) is a 400 that leaves the upload open to retry.

    Args:
        repo (str):
        run (str):
        upload (str):
        body (CompleteArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Artifact, Problem]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        upload=upload,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: CompleteArtifactUploadBody,
) -> Response[Union[Artifact, Problem]]:
    """Complete a presigned upload: the artifact appears at its path, replacing the previous version

     The store assembles the parts; the server reads the object back and checks the declared size and
    SHA-256 (400, and the upload discarded, when they differ). A refused assembly (a part missing, a
    wrong ETag) is a 400 that leaves the upload open to retry.

    Args:
        repo (str):
        run (str):
        upload (str):
        body (CompleteArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Artifact, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        upload=upload,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    upload: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: CompleteArtifactUploadBody,
) -> Optional[Union[Artifact, Problem]]:
    """Complete a presigned upload: the artifact appears at its path, replacing the previous version

     The store assembles the parts; the server reads the object back and checks the declared size and
    SHA-256 (400, and the upload discarded, when they differ). A refused assembly (a part missing, a
    wrong ETag) is a 400 that leaves the upload open to retry.

    Args:
        repo (str):
        run (str):
        upload (str):
        body (CompleteArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Artifact, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            upload=upload,
            client=client,
            body=body,
        )
    ).parsed
