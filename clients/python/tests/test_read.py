"""Reading back: a tcbench-style campaign (3 splits x 3 seeds x 2 augmentations) logged with
runcamp.Run, read back as DataFrames and checked point for point against what was logged
(NaN and ±Infinity included); listings with columns in one request; summaries with a run
selection; the same calls without pandas."""

from __future__ import annotations

import math

import numpy as np
import pytest

import runcamp
from runcamp import _frames

REPO = "tcbench"
CAMPAIGN = "aug-grid"
SPLITS, SEEDS, AUGS = (0, 1, 2), (1, 2, 3), ("flip", "none")
EPOCHS, STEPS_PER_EPOCH = 6, 20
TRAIN, VAL, TEST = {"subset": "train"}, {"subset": "val"}, {"subset": "test"}


def run_id(split, seed, aug):
    return f"s{split}-seed{seed}-{aug}"


def val_acc(split, seed, aug, epoch):
    return 0.5 + 0.05 * epoch + 0.01 * seed + (0.03 if aug == "flip" else 0.0) - 0.002 * split


@pytest.fixture(scope="module")
def campaign_logged(server):
    """Logs the campaign; returns what was logged: {(run, name, subset): [(step, value, epoch)]}, values, statuses."""
    logged: dict = {}
    values: dict = {}
    statuses: dict = {}
    grid = runcamp.Campaign(CAMPAIGN, repo=runcamp.Repo(REPO, url=server.url), params={"splits": 3, "seeds": 3, "augs": list(AUGS)})
    for split in SPLITS:
        for seed in SEEDS:
            for aug in AUGS:
                rid = run_id(split, seed, aug)
                crash = rid == "s2-seed3-none"  # fails at epoch 2, like the crashed run
                run = runcamp.Run(
                    rid, repo=REPO, url=server.url, campaign=grid, params={"split": split, "seed": seed, "aug": aug, "opt": {"lr": 1e-3, "name": "adam"}}
                )
                for epoch in range(EPOCHS):
                    if crash and epoch == 2:
                        break
                    for i in range(STEPS_PER_EPOCH):
                        loss = 1.0 / (1 + epoch * STEPS_PER_EPOCH + i) + 0.001 * seed
                        run.track(loss, name="loss", context=TRAIN, epoch=epoch)
                        logged.setdefault((rid, "loss", "train"), []).append((epoch * STEPS_PER_EPOCH + i, loss, epoch))
                    acc = val_acc(split, seed, aug, epoch)
                    vloss = 1.0 - acc
                    if rid == "s0-seed1-flip" and epoch == 3:
                        vloss = float("nan")
                    if rid == "s1-seed2-flip" and epoch == 4:
                        vloss = float("inf")
                    if rid == "s1-seed2-none" and epoch == 1:
                        acc = float("-inf")
                    run.track({"loss": vloss, "acc": acc}, context=VAL, epoch=epoch)
                    for name, v in (("loss", vloss), ("acc", acc)):
                        logged.setdefault((rid, name, "val"), []).append((epoch, v, epoch))
                test_acc = float("nan") if rid == "s2-seed1-flip" else val_acc(split, seed, aug, EPOCHS) - 0.01
                run.set_value("acc", test_acc, context=TEST)
                run.set_value("per_class", np.array([0.9, np.nan, 0.8]), context=TEST)
                values[rid] = test_acc
                status = "failed" if crash else "killed" if rid == "s0-seed2-none" else "finished"
                run.finish(status)
                assert run.errors == []
                statuses[rid] = status
    return {"points": logged, "values": values, "statuses": statuses, "campaign": grid}


def same(a, b) -> bool:
    return (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)) or a == b


def counting(repo: runcamp.Repo) -> list:
    """Records the requests the repo's client sends."""
    sent: list = []
    repo._transport._client.event_hooks["request"].append(lambda request: sent.append(f"{request.method} {request.url.path}"))
    return sent


def test_runs_dataframe_one_row_per_run_with_flattened_columns(server, campaign_logged):
    repo = runcamp.Repo(REPO, url=server.url)
    sent = counting(repo)
    runs = repo.runs(f'campaign = "{CAMPAIGN}"')
    assert sent == [f"GET /v1/repos/{REPO}/columns", f"GET /v1/repos/{REPO}/runs"]  # one listing request for all 18 runs
    df = runs.dataframe()
    assert len(df) == 18 and list(df["run"]) == [run_id(sp, se, a) for sp in SPLITS for se in SEEDS for a in AUGS]
    assert list(df.columns[:14]) == [
        "run",
        "name",
        "experiment",
        "description",
        "status",
        "stale",
        "archived",
        "campaign",
        "parent",
        "tags",
        "created_at",
        "updated_at",
        "ended_at",
        "last_activity_at",
    ]
    assert {"params.split", "params.seed", "params.aug", "params.opt.lr", "params.opt.name"} <= set(df.columns)
    assert str(df["created_at"].dtype).startswith("datetime64") and str(df["created_at"].dt.tz) == "UTC"
    assert df["ended_at"].notna().all()
    assert set(df["campaign"]) == {campaign_logged["campaign"].id}
    assert df["parent"].isna().all()  # runs logged by runcamp's SDK are never nested
    logged = campaign_logged["points"]
    for _, row in df.iterrows():
        rid = row["run"]
        assert row["status"] == campaign_logged["statuses"][rid] and not row["stale"]
        assert same(row['values.acc{subset: "test"}'], campaign_logged["values"][rid])
        per_class = row['values.per_class{subset: "test"}']
        assert per_class[0] == 0.9 and math.isnan(per_class[1])
        for name in ("loss", "acc"):
            vals = [v for _, v, _ in logged[(rid, name, "val")]]
            assert same(row[f'metrics.{name}{{subset: "val"}}.last'], vals[-1])
            finite = [v for v in vals if not math.isnan(v)]
            assert row[f'metrics.{name}{{subset: "val"}}.min'] == min(finite)
            assert row[f'metrics.{name}{{subset: "val"}}.max'] == max(finite)
    # Every column name is a filter field: the table's best run is the filter's best run.
    best = df.sort_values('metrics.acc{subset: "val"}.max', ascending=False).iloc[0]["run"]
    top = repo.runs(f'campaign = "{CAMPAIGN}"', sort='metrics.acc{subset: "val"}.max desc', limit=1, columns=None)
    assert top.ids == [best]


def test_runs_above_a_threshold_with_their_val_and_test_acc_in_one_request(server, campaign_logged):
    repo = runcamp.Repo(REPO, url=server.url)
    sent = counting(repo)
    columns = ['metrics.acc{subset:"val"}.last', 'values.acc{subset:"test"}']
    df = repo.runs('metrics.acc{subset:"val"}.last > 0.78', status="finished", columns=columns).dataframe()
    assert sent == [f"GET /v1/repos/{REPO}/runs"]
    logged = campaign_logged["points"]
    want = sorted(r for r, s in campaign_logged["statuses"].items() if s == "finished" and logged[(r, "acc", "val")][-1][1] > 0.78)
    assert sorted(df["run"]) == want and len(want) > 3
    for _, row in df.iterrows():
        assert row[columns[0]] == logged[(row["run"], "acc", "val")][-1][1]
        assert same(row[columns[1]], campaign_logged["values"][row["run"]])


def test_metrics_long_frame_matches_every_logged_point(server, campaign_logged):
    repo = runcamp.Repo(REPO, url=server.url)
    df = repo.metrics(["loss", "acc"], filter=f'campaign = "{CAMPAIGN}"')
    assert list(df.columns) == ["run", "name", "subset", "step", "epoch", "time", "value"]
    assert df["value"].dtype == np.float64 and df["step"].dtype == np.int64
    logged = campaign_logged["points"]
    assert len(df) == sum(len(v) for v in logged.values())
    for (rid, name, subset), group in df.groupby(["run", "name", "subset"]):
        want = logged[(rid, name, subset)]
        assert list(group["step"]) == [s for s, _, _ in want]
        assert list(group["epoch"]) == [float(e) for _, _, e in want]
        got = group["value"].to_numpy()
        expected = np.array([v for _, v, _ in want])
        assert np.array_equal(got, expected, equal_nan=True), (rid, name, subset)
    assert np.isnan(df["value"]).sum() == 1 and np.isposinf(df["value"]).sum() == 1 and np.isneginf(df["value"]).sum() == 1
    assert np.isfinite(df.loc[np.isfinite(df["value"]), "value"].mean())  # floats: no string to make mean() raise
    assert (df["time"] > 1.7e9).all()
    # Contexts narrow; names alone give every context; runs can be named.
    val = repo.metrics("loss", runs=["s0-seed1-flip", "s1-seed1-none"], contexts=[VAL])
    assert set(val["run"]) == {"s0-seed1-flip", "s1-seed1-none"} and set(val["subset"]) == {"val"} and len(val) == 2 * EPOCHS
    assert len(repo.metrics("loss", runs="s0-seed1-flip")) == EPOCHS * STEPS_PER_EPOCH + EPOCHS
    assert len(repo.metrics("nope", filter=f'campaign = "{CAMPAIGN}"')) == 0


def test_downsampled_metrics_keep_last_points_and_bucket_counts(server, campaign_logged):
    repo = runcamp.Repo(REPO, url=server.url)
    df = repo.metrics("loss", filter=f'campaign = "{CAMPAIGN}"', contexts=[TRAIN], points=4, status="finished")
    assert list(df.columns) == ["run", "name", "subset", "step", "epoch", "time", "value", "count", "min", "max"]
    logged = campaign_logged["points"]
    finished = [r for r, s in campaign_logged["statuses"].items() if s == "finished"]
    assert sorted(set(df["run"])) == sorted(finished)
    for rid, group in df.groupby("run"):
        want = logged[(rid, "loss", "train")]
        assert len(group) <= 4 and group["count"].sum() == len(want)
        assert group["value"].iloc[-1] == want[-1][1] and group["step"].iloc[-1] == want[-1][0]
        assert group["min"].min() == min(v for _, v, _ in want)


def test_a_run_object_gives_params_values_summaries_and_series(server, campaign_logged):
    repo = runcamp.Repo(REPO, url=server.url)
    run = repo.run("s1-seed2-flip")
    assert run.params == {"split": 1, "seed": 2, "aug": "flip", "opt": {"lr": 1e-3, "name": "adam"}}
    assert run.status == "finished" and run.campaign == campaign_logged["campaign"].id
    assert run.value("acc", TEST) == campaign_logged["values"]["s1-seed2-flip"]
    assert [v["name"] for v in run.values] == ["acc", "per_class"]
    summaries = {(m["name"], m["context"]["subset"]): m for m in run.metrics}
    assert summaries[("loss", "val")]["max"] == math.inf and summaries[("loss", "train")]["count"] == EPOCHS * STEPS_PER_EPOCH
    series = run.series("loss", VAL)
    assert list(series.columns) == ["step", "epoch", "time", "value"]
    assert np.array_equal(series["value"].to_numpy(), np.array([v for _, v, _ in campaign_logged["points"][("s1-seed2-flip", "loss", "val")]]))
    assert len(run.series("loss", TRAIN, points=3)) == 3
    # Runs from a listing read their values on first use (one request, cached).
    listed = repo.runs('params.seed = 2 and params.split = 1 and params.aug = "flip"', columns=None)[0]
    assert listed.value("acc", TEST) == run.value("acc", TEST)


def test_campaign_summary_selects_finished_runs_by_default(server, campaign_logged):
    camp = runcamp.Repo(REPO, url=server.url).campaign(CAMPAIGN)
    statuses, values = campaign_logged["statuses"], campaign_logged["values"]

    def stats(rids):
        xs = [values[r] for r in rids if not math.isnan(values[r])]
        return len(xs), float(np.mean(xs))

    df = camp.summary(metrics="acc", group_by="aug", contexts=[TEST])
    assert list(df.columns) == ["params.aug", "metric", "subset", "n", "nan", "mean", "std", "min", "max", "ci95"]
    assert df.attrs["selection"] == {"status": ["finished"], "filter": None, "runs": 16}
    for _, row in df.iterrows():
        n, mean = stats([r for r, s in statuses.items() if s == "finished" and r.endswith(row["params.aug"])])
        assert row["n"] == n and row["mean"] == pytest.approx(mean, rel=1e-12)
    flip_nan = df[df["params.aug"] == "flip"].iloc[0]["nan"]
    assert flip_nan == 1  # s2-seed1-flip's NaN test acc: counted, left out
    # Without group_by the repetition params (seed, split) are pooled: the same groups as by aug.
    default = camp.summary(metrics="acc", contexts=[TEST])
    assert default.attrs["pooled"] == ["seed", "split"] and df.attrs["pooled"] == []
    assert default[["params.aug", "n", "nan", "mean"]].equals(df[["params.aug", "n", "nan", "mean"]])

    anyone = camp.summary(metrics="acc", group_by=[], contexts=[TEST], status="any")
    assert anyone.attrs["selection"]["runs"] == 18 and anyone.iloc[0]["n"] == 17
    failed = camp.summary(metrics="acc", group_by=[], contexts=[TEST], status=["failed", "killed"])
    assert failed.iloc[0]["n"] == 2
    split0 = camp.summary(metrics="acc", group_by=[], contexts=[TEST], filter="params.split = 0")
    assert split0.attrs["selection"] == {"status": ["finished"], "filter": "params.split = 0", "runs": 5}
    n, mean = stats([r for r, s in statuses.items() if s == "finished" and r.startswith("s0-")])
    assert split0.iloc[0]["n"] == n and split0.iloc[0]["mean"] == pytest.approx(mean, rel=1e-12)
    # Campaign.runs(): the campaign's runs, narrowed like any listing.
    assert len(camp.runs()) == 18 and len(camp.runs(status="finished")) == 16
    assert camp.runs('params.aug = "flip"', columns=None).ids == [run_id(sp, se, "flip") for sp in SPLITS for se in SEEDS]


def test_without_pandas_the_same_calls_return_lists_of_dicts(server, campaign_logged, monkeypatch):
    monkeypatch.setattr(_frames, "pd", None)
    monkeypatch.setattr(_frames, "np", None)
    repo = runcamp.Repo(REPO, url=server.url)
    rows = repo.runs('params.aug = "flip" and params.split = 0', columns=['values.acc{subset:"test"}']).dataframe()
    assert isinstance(rows, list) and [r["run"] for r in rows] == [run_id(0, s, "flip") for s in SEEDS]
    assert rows[0]["created_at"].tzinfo is not None and rows[0]["params.opt.lr"] == 1e-3
    points = repo.metrics("loss", runs=["s0-seed1-flip"], contexts=[VAL])
    assert [p["step"] for p in points] == list(range(EPOCHS))
    assert math.isnan(points[3]["value"]) and points[0]["subset"] == "val"
    summary = repo.campaign(CAMPAIGN).summary(metrics="acc", group_by="aug", contexts=[TEST])
    assert isinstance(summary, list) and summary[0]["params.aug"] == "flip" and isinstance(summary[0]["mean"], float)
    series = repo.run("s0-seed1-flip").series("loss", VAL)
    assert series["step"] == list(range(EPOCHS)) and math.isnan(series["value"][3])


def test_campaign_get_or_create_and_errors_that_name_the_missing_thing(server):
    repo = runcamp.Repo("camps-py", url=server.url)
    first = runcamp.Campaign("grid one", repo=repo, params={"seeds": 3})  # not a valid id: by name
    again = runcamp.Campaign("grid one", repo=repo)
    assert first.id == again.id and again.params == {"seeds": 3}
    with runcamp.Run(repo="camps-py", url=server.url, campaign="fresh-campaign") as run:  # created when missing
        run.track(1.0, name="loss")
    fresh = repo.campaign("fresh-campaign")
    assert fresh.id == "fresh-campaign" and fresh.runs().ids == [run.id]
    with pytest.raises(runcamp.RuncampError, match="campaign 'nope' does not exist in repo 'camps-py'"):
        repo.campaign("nope")
    with pytest.raises(runcamp.RuncampError, match="at position 10"):
        repo.runs("params.x >")
    with pytest.raises(runcamp.RuncampError, match='Repo "no-such-repo" does not exist'):
        runcamp.Repo("no-such-repo", url=server.url).runs()


def test_negative_zero_reads_back_with_its_sign(server):
    """The server writes a stored -0.0 as the JSON literal -0.0 (json.loads reads a bare -0 as the int 0)."""
    negative = lambda x: x == 0 and math.copysign(1.0, x) < 0  # noqa: E731
    with runcamp.Run("negzero", repo="negzero", url=server.url) as run:
        for step, v in enumerate([-0.0, 0.0, -0.0]):
            run.track(v, name="z", step=step)
        run.set_value("z", -0.0)
        run.set_value("report", {"delta": -0.0, "list": [0.0, -0.0]})
    assert run.errors == []
    record = runcamp.Repo("negzero", url=server.url).run("negzero")
    assert [negative(v) for v in record.series("z")["value"]] == [True, False, True]
    down = record.series("z", points=3)
    assert [negative(v) for col in ("value", "min", "max") for v in down[col]] == [True, False, True] * 3
    assert negative(record.value("z")) and not negative(record.value("report")["list"][0])
    assert negative(record.value("report")["delta"]) and negative(record.value("report")["list"][1])
    assert negative(next(m for m in record.metrics if m["name"] == "z")["last"])
    long = runcamp.Repo("negzero", url=server.url).metrics("z")
    assert [negative(v) for v in long["value"]] == [True, False, True]
