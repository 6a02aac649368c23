"""``run.log_input``: a run's datasets read back through the API, described from a DataFrame,
kept once per (name, digest), refused at the call when the server would refuse them, and
delivered after an outage like every other write."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

import readback
import runcamp

FRAME = pd.DataFrame({"x": [0.5, 1.5], "n": [1, 2], "label": ["cat", "dog"]})


def _inputs(url: str, repo: str, run_id: str) -> list:
    return readback.run(url, repo, run_id)["inputs"]


def test_inputs_read_back_with_every_field_and_are_kept_once(server):
    with runcamp.Run(repo="sdk-inputs", url=server.url) as run:
        run.log_input(
            "train", digest="v1", source={"uri": "s3://b/train.csv"}, source_type="s3", schema='{"cols": 2}', profile={"rows": 10}, context="training"
        )
        run.log_input("train", digest="v1", context="eval")  # the same name and digest: the first stays
        run.log_input("train", digest="v2", context="training")
        run.log_input("<img src=x onerror=alert(1)>", source="notes")
    assert run.errors == []
    got = _inputs(server.url, "sdk-inputs", run.id)
    assert got[0] == {
        "name": "train",
        "digest": "v1",
        "source_type": "s3",
        "source": '{"uri": "s3://b/train.csv"}',
        "schema": '{"cols": 2}',
        "profile": '{"rows": 10}',
        "context": "training",
        "tags": {},
    }
    assert [(i["name"], i["digest"], i["context"]) for i in got[1:]] == [
        ("train", "v2", "training"),
        ("<img src=x onerror=alert(1)>", got[2]["digest"], None),
    ]
    assert len(got[2]["digest"]) == 8  # computed by the server from the description
    assert runcamp.Repo("sdk-inputs", url=server.url).run(run.id).inputs == got


def test_a_dataframe_gives_schema_profile_and_a_digest_of_its_contents(server):
    with runcamp.Run(repo="sdk-inputs", url=server.url) as run:
        run.log_input("frame", FRAME, context="training")
        run.log_input("frame", FRAME.copy(), context="eval")  # the same contents: the same digest, kept once
        changed = FRAME.copy()
        changed.loc[1, "x"] = 2.5
        run.log_input("frame", changed, context="eval")
        run.log_input("frame", FRAME, digest="mine", schema="given")
    got = _inputs(server.url, "sdk-inputs", run.id)
    assert [(i["context"], i["schema"] == "given") for i in got] == [("training", False), ("eval", False), (None, True)]
    assert got[0]["digest"] != got[1]["digest"] and got[2]["digest"] == "mine"
    assert got[0]["schema"] == (
        '{"mlflow_colspec": [{"type": "double", "name": "x", "required": true}, {"type": "long", "name": "n", "required": true}, '
        '{"type": "string", "name": "label", "required": true}]}'
    )
    assert got[0]["profile"] == '{"num_rows": 2, "num_elements": 6}'


@pytest.mark.parametrize(
    "args, kwargs, error",
    [
        (("",), {}, ValueError),
        ((3,), {}, ValueError),
        (("n" * 501,), {}, ValueError),
        (("a\x07b",), {}, ValueError),
        (("x",), {"digest": "d" * 37}, ValueError),
        (("x",), {"digest": ""}, ValueError),
        (("x",), {"source": "a\x00b"}, ValueError),
        (("x",), {"context": "c" * 501}, ValueError),
        (("x",), {"schema": 3}, TypeError),
        (("x", [1, 2]), {}, TypeError),
        (("x", pd.DataFrame({"a": [[1], [2]]})), {}, TypeError),
    ],
)
def test_what_the_server_would_refuse_raises_at_the_call(server, args, kwargs, error):
    with runcamp.Run(repo="sdk-inputs", url=server.url) as run:
        with pytest.raises(error):
            run.log_input(*args, **kwargs)
    assert _inputs(server.url, "sdk-inputs", run.id) == []


def test_an_input_logged_while_the_server_is_away_lands_once_it_answers(own_server, spool_dir):
    own_server.start()
    run = runcamp.Run(repo="offline-inputs", url=own_server.url, spill_after=0.3)
    assert run.flush(30)
    own_server.stop(kill=True)
    run.log_input("train", FRAME, source="s3://b/train.csv", context="training")
    run.log_input("train", FRAME, context="training")  # logged twice: kept once
    assert run.flush(30) and any(spool_dir.rglob("*.json"))
    restart = threading.Thread(target=lambda: (time.sleep(1.0), own_server.start()))
    restart.start()
    run.finish(timeout=60)
    restart.join()
    assert run.errors == []
    got = _inputs(own_server.url, "offline-inputs", run.id)
    assert [(i["name"], i["source"], i["context"]) for i in got] == [("train", "s3://b/train.csv", "training")]
