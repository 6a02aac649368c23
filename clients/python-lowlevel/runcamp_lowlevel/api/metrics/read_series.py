from http import HTTPStatus
from typing import Any, Optional, Union

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.read_series_format import ReadSeriesFormat
from ...models.series_columns import SeriesColumns
from ...models.series_read import SeriesRead
from ...models.series_some_columns import SeriesSomeColumns
from ...types import UNSET, Response, Unset


def _get_kwargs(
    repo: str,
    run: str,
    name: str,
    *,
    context: Union[Unset, str] = UNSET,
    from_: Union[Unset, str] = UNSET,
    to: Union[Unset, str] = UNSET,
    points: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = "1000",
    cursor: Union[Unset, str] = UNSET,
    format_: Union[Unset, ReadSeriesFormat] = ReadSeriesFormat.ROWS,
    fields: Union[Unset, str] = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["context"] = context

    params["from"] = from_

    params["to"] = to

    params["points"] = points

    params["limit"] = limit

    params["cursor"] = cursor

    json_format_: Union[Unset, str] = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/repos/{repo}/runs/{run}/metrics/{name}".format(
            repo=repo,
            run=run,
            name=name,
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: Union[AuthenticatedClient, Client], response: httpx.Response
) -> Optional[
    Union[Problem, Union["SeriesColumns", "SeriesRead", "SeriesSomeColumns"]]
]:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> Union["SeriesColumns", "SeriesRead", "SeriesSomeColumns"]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = SeriesRead.from_dict(data)

                return response_200_type_0
            except:  # noqa: E722
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = SeriesColumns.from_dict(data)

                return response_200_type_1
            except:  # noqa: E722
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_2 = SeriesSomeColumns.from_dict(data)

            return response_200_type_2

        response_200 = _parse_response_200(response.json())

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
) -> Response[
    Union[Problem, Union["SeriesColumns", "SeriesRead", "SeriesSomeColumns"]]
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    repo: str,
    run: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
    context: Union[Unset, str] = UNSET,
    from_: Union[Unset, str] = UNSET,
    to: Union[Unset, str] = UNSET,
    points: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = "1000",
    cursor: Union[Unset, str] = UNSET,
    format_: Union[Unset, ReadSeriesFormat] = ReadSeriesFormat.ROWS,
    fields: Union[Unset, str] = UNSET,
) -> Response[
    Union[Problem, Union["SeriesColumns", "SeriesRead", "SeriesSomeColumns"]]
]:
    """Read one series: raw points (paginated) or downsampled with points=N

     context is the series context as JSON (default {}). from/to bound the steps. With points=N the
    series is cut into at most N buckets, each keeping count, min and max (NaN ignored, with their
    steps) and its last point, exact over the points in its [start, end]. Ranged reads (from/to) and
    short series get buckets of equal step width; a long series read whole (at least 128·N points) gets
    buckets of whole 64-point storage chunks, so widths are only roughly equal. Without it, raw points
    are paginated with limit (default 1000, max 100000) and cursor. A name holding '/' is sent URL-
    encoded (val%2Floss) or plain (val/loss): everything after metrics/ is the name, decoded once.

    Args:
        repo (str):
        run (str):
        name (str):
        context (Union[Unset, str]):
        from_ (Union[Unset, str]):
        to (Union[Unset, str]):
        points (Union[Unset, str]):
        limit (Union[Unset, str]):  Default: '1000'.
        cursor (Union[Unset, str]):
        format_ (Union[Unset, ReadSeriesFormat]):  Default: ReadSeriesFormat.ROWS.
        fields (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, Union['SeriesColumns', 'SeriesRead', 'SeriesSomeColumns']]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        name=name,
        context=context,
        from_=from_,
        to=to,
        points=points,
        limit=limit,
        cursor=cursor,
        format_=format_,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    repo: str,
    run: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
    context: Union[Unset, str] = UNSET,
    from_: Union[Unset, str] = UNSET,
    to: Union[Unset, str] = UNSET,
    points: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = "1000",
    cursor: Union[Unset, str] = UNSET,
    format_: Union[Unset, ReadSeriesFormat] = ReadSeriesFormat.ROWS,
    fields: Union[Unset, str] = UNSET,
) -> Optional[
    Union[Problem, Union["SeriesColumns", "SeriesRead", "SeriesSomeColumns"]]
]:
    """Read one series: raw points (paginated) or downsampled with points=N

     context is the series context as JSON (default {}). from/to bound the steps. With points=N the
    series is cut into at most N buckets, each keeping count, min and max (NaN ignored, with their
    steps) and its last point, exact over the points in its [start, end]. Ranged reads (from/to) and
    short series get buckets of equal step width; a long series read whole (at least 128·N points) gets
    buckets of whole 64-point storage chunks, so widths are only roughly equal. Without it, raw points
    are paginated with limit (default 1000, max 100000) and cursor. A name holding '/' is sent URL-
    encoded (val%2Floss) or plain (val/loss): everything after metrics/ is the name, decoded once.

    Args:
        repo (str):
        run (str):
        name (str):
        context (Union[Unset, str]):
        from_ (Union[Unset, str]):
        to (Union[Unset, str]):
        points (Union[Unset, str]):
        limit (Union[Unset, str]):  Default: '1000'.
        cursor (Union[Unset, str]):
        format_ (Union[Unset, ReadSeriesFormat]):  Default: ReadSeriesFormat.ROWS.
        fields (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, Union['SeriesColumns', 'SeriesRead', 'SeriesSomeColumns']]
    """

    return sync_detailed(
        repo=repo,
        run=run,
        name=name,
        client=client,
        context=context,
        from_=from_,
        to=to,
        points=points,
        limit=limit,
        cursor=cursor,
        format_=format_,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    repo: str,
    run: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
    context: Union[Unset, str] = UNSET,
    from_: Union[Unset, str] = UNSET,
    to: Union[Unset, str] = UNSET,
    points: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = "1000",
    cursor: Union[Unset, str] = UNSET,
    format_: Union[Unset, ReadSeriesFormat] = ReadSeriesFormat.ROWS,
    fields: Union[Unset, str] = UNSET,
) -> Response[
    Union[Problem, Union["SeriesColumns", "SeriesRead", "SeriesSomeColumns"]]
]:
    """Read one series: raw points (paginated) or downsampled with points=N

     context is the series context as JSON (default {}). from/to bound the steps. With points=N the
    series is cut into at most N buckets, each keeping count, min and max (NaN ignored, with their
    steps) and its last point, exact over the points in its [start, end]. Ranged reads (from/to) and
    short series get buckets of equal step width; a long series read whole (at least 128·N points) gets
    buckets of whole 64-point storage chunks, so widths are only roughly equal. Without it, raw points
    are paginated with limit (default 1000, max 100000) and cursor. A name holding '/' is sent URL-
    encoded (val%2Floss) or plain (val/loss): everything after metrics/ is the name, decoded once.

    Args:
        repo (str):
        run (str):
        name (str):
        context (Union[Unset, str]):
        from_ (Union[Unset, str]):
        to (Union[Unset, str]):
        points (Union[Unset, str]):
        limit (Union[Unset, str]):  Default: '1000'.
        cursor (Union[Unset, str]):
        format_ (Union[Unset, ReadSeriesFormat]):  Default: ReadSeriesFormat.ROWS.
        fields (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Union[Problem, Union['SeriesColumns', 'SeriesRead', 'SeriesSomeColumns']]]
    """

    kwargs = _get_kwargs(
        repo=repo,
        run=run,
        name=name,
        context=context,
        from_=from_,
        to=to,
        points=points,
        limit=limit,
        cursor=cursor,
        format_=format_,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    repo: str,
    run: str,
    name: str,
    *,
    client: Union[AuthenticatedClient, Client],
    context: Union[Unset, str] = UNSET,
    from_: Union[Unset, str] = UNSET,
    to: Union[Unset, str] = UNSET,
    points: Union[Unset, str] = UNSET,
    limit: Union[Unset, str] = "1000",
    cursor: Union[Unset, str] = UNSET,
    format_: Union[Unset, ReadSeriesFormat] = ReadSeriesFormat.ROWS,
    fields: Union[Unset, str] = UNSET,
) -> Optional[
    Union[Problem, Union["SeriesColumns", "SeriesRead", "SeriesSomeColumns"]]
]:
    """Read one series: raw points (paginated) or downsampled with points=N

     context is the series context as JSON (default {}). from/to bound the steps. With points=N the
    series is cut into at most N buckets, each keeping count, min and max (NaN ignored, with their
    steps) and its last point, exact over the points in its [start, end]. Ranged reads (from/to) and
    short series get buckets of equal step width; a long series read whole (at least 128·N points) gets
    buckets of whole 64-point storage chunks, so widths are only roughly equal. Without it, raw points
    are paginated with limit (default 1000, max 100000) and cursor. A name holding '/' is sent URL-
    encoded (val%2Floss) or plain (val/loss): everything after metrics/ is the name, decoded once.

    Args:
        repo (str):
        run (str):
        name (str):
        context (Union[Unset, str]):
        from_ (Union[Unset, str]):
        to (Union[Unset, str]):
        points (Union[Unset, str]):
        limit (Union[Unset, str]):  Default: '1000'.
        cursor (Union[Unset, str]):
        format_ (Union[Unset, ReadSeriesFormat]):  Default: ReadSeriesFormat.ROWS.
        fields (Union[Unset, str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Union[Problem, Union['SeriesColumns', 'SeriesRead', 'SeriesSomeColumns']]
    """

    return (
        await asyncio_detailed(
            repo=repo,
            run=run,
            name=name,
            client=client,
            context=context,
            from_=from_,
            to=to,
            points=points,
            limit=limit,
            cursor=cursor,
            format_=format_,
            fields=fields,
        )
    ).parsed
