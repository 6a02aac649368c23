from http import HTTPStatus
from typing import Any, Optional, Union, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.confusion_metrics import ConfusionMetrics
from ...models.get_artifact_view import GetArtifactView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    run: str,
    path: str,
    *,
    view: Union[Unset, GetArtifactView] = UNSET,
    range_: Union[Unset, str] = UNSET,
    if_none_match: Union[Unset, str] = UNSET,
    if_range: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["range"] = range_

    if not isinstance(if_none_match, Unset):
        headers["if-none-match"] = if_none_match

    if not isinstance(if_range, Unset):
        headers["if-range"] = if_range

    params: dict[str, Any] = {}

    json_view: Union[Unset, str] = UNSET
    if not isinstance(view, Unset):
        json_view = view.value

    params["view"] = json_view

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/runs/{run}/artifacts/{path}".format(
            repo=repo,
            run=run,
            path=path,
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[Union[Any, Problem, Union["ConfusionMetrics", Any]]]:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> Union["ConfusionMetrics", Any]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ConfusionMetrics.from_dict(data)

                return response_200_type_0
            except:  # noqa: E722
                pass
            return cast(Union["ConfusionMetrics", Any], data)

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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

    if response.status_code == 416:
        response_416 = Problem.from_dict(response.json())

        return response_416

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Response[Union[Any, Problem, Union["ConfusionMetrics", Any]]]:
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
    view: Union[Unset, GetArtifactView] = UNSET,
    range_: Union[Unset, str] = UNSET,
    if_none_match: Union[Unset, str] = UNSET,
    if_range: Union[Unset, str] = UNSET,
) -> Response[Union[Any, Problem, Union["ConfusionMetrics", Any]]]:
    """Download an artifact (also HEAD), or with view=metrics a confusion matrix's classification report

     Streams the bytes with their content type and ETag (the SHA-256, quoted). If-None-Match with that
    ETag answers 304. A single byte range (Range: bytes=0-99, bytes=100-, bytes=-100) answers 206 with
    Content-Range, one past the end 416; If-Range with an old ETag, several ranges or another unit get
    the whole artifact (200). HEAD answers the same headers without the body. view=metrics (confusion
    matrices only, 400 otherwise) answers ConfusionMetrics as JSON.

    Args:
        repo (str):
        run (str):
        path (str):
        view (Union[Unset, GetArtifactView]):
        range_ (Union[Unset, str]):
        if_none_match (Union[Unset, str]):
        if_range (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Any, Problem, Union['ConfusionMetrics', Any]]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        path=path,
        view=view,
        range_=range_,
        if_none_match=if_none_match,
        if_range=if_range,
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
    view: Union[Unset, GetArtifactView] = UNSET,
    range_: Union[Unset, str] = UNSET,
    if_none_match: Union[Unset, str] = UNSET,
    if_range: Union[Unset, str] = UNSET,
) -> Optional[Union[Any, Problem, Union["ConfusionMetrics", Any]]]:
    """Download an artifact (also HEAD), or with view=metrics a confusion matrix's classification report

     Streams the bytes with their content type and ETag (the SHA-256, quoted). If-None-Match with that
    ETag answers 304. A single byte range (Range: bytes=0-99, bytes=100-, bytes=-100) answers 206 with
    Content-Range, one past the end 416; If-Range with an old ETag, several ranges or another unit get
    the whole artifact (200). HEAD answers the same headers without the body. view=metrics (confusion
    matrices only, 400 otherwise) answers ConfusionMetrics as JSON.

    Args:
        repo (str):
        run (str):
        path (str):
        view (Union[Unset, GetArtifactView]):
        range_ (Union[Unset, str]):
        if_none_match (Union[Unset, str]):
        if_range (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Any, Problem, Union['ConfusionMetrics', Any]]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        path=path,
        client=client,
        view=view,
        range_=range_,
        if_none_match=if_none_match,
        if_range=if_range,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    path: str,
    *,
    client: Union[AuthenticatedClient, Client],
    view: Union[Unset, GetArtifactView] = UNSET,
    range_: Union[Unset, str] = UNSET,
    if_none_match: Union[Unset, str] = UNSET,
    if_range: Union[Unset, str] = UNSET,
) -> Response[Union[Any, Problem, Union["ConfusionMetrics", Any]]]:
    """Download an artifact (also HEAD), or with view=metrics a confusion matrix's classification report

     Streams the bytes with their content type and ETag (the SHA-256, quoted). If-None-Match with that
    ETag answers 304. A single byte range (Range: bytes=0-99, bytes=100-, bytes=-100) answers 206 with
    Content-Range, one past the end 416; If-Range with an old ETag, several ranges or another unit get
    the whole artifact (200). HEAD answers the same headers without the body. view=metrics (confusion
    matrices only, 400 otherwise) answers ConfusionMetrics as JSON.

    Args:
        repo (str):
        run (str):
        path (str):
        view (Union[Unset, GetArtifactView]):
        range_ (Union[Unset, str]):
        if_none_match (Union[Unset, str]):
        if_range (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Any, Problem, Union['ConfusionMetrics', Any]]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        path=path,
        view=view,
        range_=range_,
        if_none_match=if_none_match,
        if_range=if_range,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    path: str,
    *,
    client: Union[AuthenticatedClient, Client],
    view: Union[Unset, GetArtifactView] = UNSET,
    range_: Union[Unset, str] = UNSET,
    if_none_match: Union[Unset, str] = UNSET,
    if_range: Union[Unset, str] = UNSET,
) -> Optional[Union[Any, Problem, Union["ConfusionMetrics", Any]]]:
    """Download an artifact (also HEAD), or with view=metrics a confusion matrix's classification report

     Streams the bytes with their content type and ETag (the SHA-256, quoted). If-None-Match with that
    ETag answers 304. A single byte range (Range: bytes=0-99, bytes=100-, bytes=-100) answers 206 with
    Content-Range, one past the end 416; If-Range with an old ETag, several ranges or another unit get
    the whole artifact (200). HEAD answers the same headers without the body. view=metrics (confusion
    matrices only, 400 otherwise) answers ConfusionMetrics as JSON.

    Args:
        repo (str):
        run (str):
        path (str):
        view (Union[Unset, GetArtifactView]):
        range_ (Union[Unset, str]):
        if_none_match (Union[Unset, str]):
        if_range (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Any, Problem, Union['ConfusionMetrics', Any]]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            path=path,
            client=client,
            view=view,
            range_=range_,
            if_none_match=if_none_match,
            if_range=if_range,
        )
    ).parsed
