from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.artifact import Artifact
from ...models.confusion_matrix import ConfusionMatrix
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    repo: str,
    run: str,
    path: str,
    *,
    body: Union[
        File,
        ConfusionMatrix,
    ],
    step: Union[Unset, str] = UNSET,
    context: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["step"] = step

    params["context"] = context

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/repos/{repo}/runs/{run}/artifacts/{path}".format(
            repo=repo,
            run=run,
            path=path,
        ),
        "params": params,
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload

        headers["Content-Type"] = "application/octet-stream"
    if isinstance(body, ConfusionMatrix):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/vnd.runcamp.confusion+json"

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
    path: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union[
        File,
        ConfusionMatrix,
    ],
    step: Union[Unset, str] = UNSET,
    context: Union[Unset, str] = UNSET,
) -> Response[Union[Artifact, Problem]]:
    r"""Upload an artifact: the raw body, stored with its content type; re-uploading a path replaces it

     The body is streamed into storage (RUNCAMP_MAX_ARTIFACT_BYTES, default 64 MiB; 413 beyond, with
    nothing stored). The replacement is atomic: readers see the old version or the new one. Content type
    application/vnd.runcamp.confusion+json marks a confusion matrix (the ConfusionMatrix schema),
    checked on upload: 400 with the reason when it is not one. Without a Content-Type the artifact is
    application/octet-stream. A path's segments are sent URL-encoded; its '/' stay literal. step and
    context (query) record an artifact logged per step, e.g. an image per epoch in the context
    {\"subset\":\"val\"}: the web UI shows those of one name and context as a strip in step order.

    Args:
        repo (str):
        run (str):
        path (str):
        step (Union[Unset, str]):
        context (Union[Unset, str]):
        body (File):
        body (ConfusionMatrix): A square matrix of non-negative integers with one row and one
            column per label, in the order of labels; matrix[i][j] counts the samples of true class
            labels[i] predicted as labels[j]. Labels are distinct strings or numbers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Artifact, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        path=path,
        body=body,
        step=step,
        context=context,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    run: str,
    path: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union[
        File,
        ConfusionMatrix,
    ],
    step: Union[Unset, str] = UNSET,
    context: Union[Unset, str] = UNSET,
) -> Optional[Union[Artifact, Problem]]:
    r"""Upload an artifact: the raw body, stored with its content type; re-uploading a path replaces it

     The body is streamed into storage (RUNCAMP_MAX_ARTIFACT_BYTES, default 64 MiB; 413 beyond, with
    nothing stored). The replacement is atomic: readers see the old version or the new one. Content type
    application/vnd.runcamp.confusion+json marks a confusion matrix (the ConfusionMatrix schema),
    checked on upload: 400 with the reason when it is not one. Without a Content-Type the artifact is
    application/octet-stream. A path's segments are sent URL-encoded; its '/' stay literal. step and
    context (query) record an artifact logged per step, e.g. an image per epoch in the context
    {\"subset\":\"val\"}: the web UI shows those of one name and context as a strip in step order.

    Args:
        repo (str):
        run (str):
        path (str):
        step (Union[Unset, str]):
        context (Union[Unset, str]):
        body (File):
        body (ConfusionMatrix): A square matrix of non-negative integers with one row and one
            column per label, in the order of labels; matrix[i][j] counts the samples of true class
            labels[i] predicted as labels[j]. Labels are distinct strings or numbers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Artifact, Problem]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        path=path,
        client=client,
        body=body,
        step=step,
        context=context,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    path: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union[
        File,
        ConfusionMatrix,
    ],
    step: Union[Unset, str] = UNSET,
    context: Union[Unset, str] = UNSET,
) -> Response[Union[Artifact, Problem]]:
    r"""Upload an artifact: the raw body, stored with its content type; re-uploading a path replaces it

     The body is streamed into storage (RUNCAMP_MAX_ARTIFACT_BYTES, default 64 MiB; 413 beyond, with
    nothing stored). The replacement is atomic: readers see the old version or the new one. Content type
    application/vnd.runcamp.confusion+json marks a confusion matrix (the ConfusionMatrix schema),
    checked on upload: 400 with the reason when it is not one. Without a Content-Type the artifact is
    application/octet-stream. A path's segments are sent URL-encoded; its '/' stay literal. step and
    context (query) record an artifact logged per step, e.g. an image per epoch in the context
    {\"subset\":\"val\"}: the web UI shows those of one name and context as a strip in step order.

    Args:
        repo (str):
        run (str):
        path (str):
        step (Union[Unset, str]):
        context (Union[Unset, str]):
        body (File):
        body (ConfusionMatrix): A square matrix of non-negative integers with one row and one
            column per label, in the order of labels; matrix[i][j] counts the samples of true class
            labels[i] predicted as labels[j]. Labels are distinct strings or numbers.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Artifact, Problem]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        path=path,
        body=body,
        step=step,
        context=context,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    path: str,
    *,
    client: Union[AuthenticatedClient, Client],
    body: Union[
        File,
        ConfusionMatrix,
    ],
    step: Union[Unset, str] = UNSET,
    context: Union[Unset, str] = UNSET,
) -> Optional[Union[Artifact, Problem]]:
    r"""Upload an artifact: the raw body, stored with its content type; re-uploading a path replaces it

     The body is streamed into storage (RUNCAMP_MAX_ARTIFACT_BYTES, default 64 MiB; 413 beyond, with
    nothing stored). The replacement is atomic: readers see the old version or the new one. Content type
    application/vnd.runcamp.confusion+json marks a confusion matrix (the ConfusionMatrix schema),
    checked on upload: 400 with the reason when it is not one. Without a Content-Type the artifact is
    application/octet-stream. A path's segments are sent URL-encoded; its '/' stay literal. step and
    context (query) record an artifact logged per step, e.g. an image per epoch in the context
    {\"subset\":\"val\"}: the web UI shows those of one name and context as a strip in step order.

    Args:
        repo (str):
        run (str):
        path (str):
        step (Union[Unset, str]):
        context (Union[Unset, str]):
        body (File):
        body (ConfusionMatrix): A square matrix of non-negative integers with one row and one
            column per label, in the order of labels; matrix[i][j] counts the samples of true class
            labels[i] predicted as labels[j]. Labels are distinct strings or numbers.

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
            path=path,
            client=client,
            body=body,
            step=step,
            context=context,
        )
    ).parsed
