from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.artifact_upload import ArtifactUpload
from ...models.create_artifact_upload_body import CreateArtifactUploadBody
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    repo: str,
    run: str,
    *,
    body: CreateArtifactUploadBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/repos/{repo}/runs/{run}/artifact-uploads".format(
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
) -> Optional[Union[ArtifactUpload, Problem]]:
    if response.status_code == 201:
        response_201 = ArtifactUpload.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Response[Union[ArtifactUpload, Problem]]:
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
    body: CreateArtifactUploadBody,
) -> Response[Union[ArtifactUpload, Problem]]:
    """Start a presigned multipart upload: the artifact's parts go straight to the object store

     For artifacts too large for one request body. Answers one presigned URL per part: PUT each part
    (part_size bytes, the last one the rest) to its URL, keep each answer's ETag header, then complete.
    The size and SHA-256 are declared here and checked on completion. 409 when this server's artifact
    store cannot sign URLs (libSQL, an R2 binding): PUT the body to the artifact's path instead. 413
    past RUNCAMP_MAX_ARTIFACT_BYTES.

    Args:
        repo (str):
        run (str):
        body (CreateArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[ArtifactUpload, Problem]]
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
    body: CreateArtifactUploadBody,
) -> Optional[Union[ArtifactUpload, Problem]]:
    """Start a presigned multipart upload: the artifact's parts go straight to the object store

     For artifacts too large for one request body. Answers one presigned URL per part: PUT each part
    (part_size bytes, the last one the rest) to its URL, keep each answer's ETag header, then complete.
    The size and SHA-256 are declared here and checked on completion. 409 when this server's artifact
    store cannot sign URLs (libSQL, an R2 binding): PUT the body to the artifact's path instead. 413
    past RUNCAMP_MAX_ARTIFACT_BYTES.

    Args:
        repo (str):
        run (str):
        body (CreateArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[ArtifactUpload, Problem]
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
    body: CreateArtifactUploadBody,
) -> Response[Union[ArtifactUpload, Problem]]:
    """Start a presigned multipart upload: the artifact's parts go straight to the object store

     For artifacts too large for one request body. Answers one presigned URL per part: PUT each part
    (part_size bytes, the last one the rest) to its URL, keep each answer's ETag header, then complete.
    The size and SHA-256 are declared here and checked on completion. 409 when this server's artifact
    store cannot sign URLs (libSQL, an R2 binding): PUT the body to the artifact's path instead. 413
    past RUNCAMP_MAX_ARTIFACT_BYTES.

    Args:
        repo (str):
        run (str):
        body (CreateArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[ArtifactUpload, Problem]]
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
    body: CreateArtifactUploadBody,
) -> Optional[Union[ArtifactUpload, Problem]]:
    """Start a presigned multipart upload: the artifact's parts go straight to the object store

     For artifacts too large for one request body. Answers one presigned URL per part: PUT each part
    (part_size bytes, the last one the rest) to its URL, keep each answer's ETag header, then complete.
    The size and SHA-256 are declared here and checked on completion. 409 when this server's artifact
    store cannot sign URLs (libSQL, an R2 binding): PUT the body to the artifact's path instead. 413
    past RUNCAMP_MAX_ARTIFACT_BYTES.

    Args:
        repo (str):
        run (str):
        body (CreateArtifactUploadBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[ArtifactUpload, Problem]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            client=client,
            body=body,
        )
    ).parsed
