"""The queue's own pieces, without a server: a series' columns (epochs added late), the
cutting of a cut into batches of a size, and the numbering of relative steps."""

from __future__ import annotations

import json
from array import array
from types import SimpleNamespace

from runcamp import Run
from runcamp._sender import Series, batches
from runcamp._wire import encode_series


def _fill(series: Series, points: list) -> None:
    """What track() appends for each (step, value, epoch, time)."""
    for step, value, epoch, t in points:
        series.steps.append(step)
        series.values.append(value)
        series.times.append(t)
        if series.epochs is not None:
            series.epochs.append(-1 if epoch is None else epoch)
        elif epoch is not None:
            series.add_epoch(epoch)


def test_an_epoch_column_appears_with_the_first_epoch_and_leaves_with_the_cut():
    s = Series(0, '{"name":"a"')
    _fill(s, [(0, 1.0, None, 1.0), (1, 2.0, None, 2.0), (2, 3.0, 7, 3.0), (3, 4.0, None, 4.0)])
    header, steps, values, times, epochs = s.take()
    assert (header, list(steps), list(values), list(times)) == ('{"name":"a"', [0, 1, 2, 3], [1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0])
    assert list(epochs) == [-1, -1, 7, -1]
    assert json.loads(encode_series([(header, steps, values, times, epochs)]))["series"][0]["epochs"] == [None, None, 7, None]
    _fill(s, [(4, 5.0, None, 5.0)])
    assert s.take()[4] is None and not s.steps  # the next cut starts without epochs, and empty


def test_batches_cut_series_at_the_size_keeping_every_point_once_in_order():
    a, b, c = Series(0, "a"), Series(0, "b"), Series(0, "c")
    _fill(a, [(i, i * 0.5, i if i % 3 == 0 else None, 100.0 + i) for i in range(7)])
    _fill(b, [(10, 1.0, None, 1.0)])
    _fill(c, [(i, -float(i), None, 200.0 + i) for i in range(5)])
    groups = [a.take(), b.take(), c.take()]
    cut = list(batches(groups, 4))
    assert [n for _, n in cut] == [4, 4, 4, 1]
    assert [[(g[0], len(g[1])) for g in batch] for batch, _ in cut] == [[("a", 4)], [("a", 3), ("b", 1)], [("c", 4)], [("c", 1)]]
    for batch, n in cut:
        assert sum(len(g[1]) for g in batch) == n
        for _header, steps, values, times, epochs in batch:
            assert len(steps) == len(values) == len(times) and (epochs is None or len(epochs) == len(steps))
    rejoined: dict = {}
    for batch, _ in cut:
        for header, steps, values, times, epochs in batch:
            got = rejoined.setdefault(header, [array("q"), array("d"), array("d"), array("q")])
            got[0].extend(steps)
            got[1].extend(values)
            got[2].extend(times)
            if epochs is not None:
                got[3].extend(epochs)
    for header, steps, values, times, epochs in groups:
        assert rejoined[header][:3] == [steps, values, times]
        assert rejoined[header][3] == (epochs or array("q"))
    assert list(batches(groups, 100)) == [(groups, 13)]


def test_relative_steps_are_numbered_from_the_bases_once_known():
    # What Run._number sees after a resume while the server was away: steps -1 - k are the
    # k-th after where the series stopped on the server (the base); explicit steps stay.
    a, b = Series(0, '{"name":"a"'), Series(0, '{"name":"b"')
    _fill(a, [(-1, 1.0, None, 1.0), (-2, 2.0, 3, 2.0), (100, 3.0, None, 3.0)])
    _fill(b, [(-1, 4.0, None, 4.0)])
    groups = [a.take(), b.take()]
    unknown = SimpleNamespace(_was_relative=True, _base_by_prefix=None)
    assert Run._number(unknown, groups) == (groups, "points-relative")
    known = SimpleNamespace(_was_relative=True, _base_by_prefix={'{"name":"a"': 10})
    numbered, kind = Run._number(known, groups)
    assert kind == "points" and [list(g[1]) for g in numbered] == [[10, 11, 100], [0]]  # b: no base, from 0
    assert [g[2:] for g in numbered] == [g[2:] for g in groups]
