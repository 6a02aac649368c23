"""The campaign comparison against scipy: random paired samples (n from 2 to 60, continuous,
with ties, with zeros) driven through the real API; every p-value within 1e-9 relative (or
1e-12 absolute) of scipy's, the interval and the effect size to 1e-12, the Friedman test and
the Nemenyi critical difference too. Then ``Campaign.compare`` and ``runcamp compare``."""

from __future__ import annotations

import json
import math
import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

import runcamp
from runcamp.cli.main import cli

np = pytest.importorskip("numpy")
st = pytest.importorskip("scipy.stats")

REPO = "compare-props"
KINDS = ("continuous", "ties", "zeros")


def sample(rng: random.Random, kind: str, base: list) -> list:
    """A group's results paired with the baseline's: continuous differences, differences on a
    grid of quarters (ties, some zero), or mostly equal results (many zeros)."""
    if kind == "continuous":
        shift = rng.choice((0.0, 0.02, 0.1))
        return [x + rng.gauss(shift, 0.05) for x in base]
    if kind == "ties":
        return [x + rng.randint(-3, 4) / 4 for x in base]
    return [x if rng.random() < 0.5 else x + rng.choice((-0.5, 0.25, 0.5, 1.0)) for x in base]


def close(actual, expected, rel: float, abs_: float) -> bool:
    return actual is not None and math.isclose(actual, expected, rel_tol=rel, abs_tol=abs_)


def holm(ps: list) -> list:
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    out, running = [0.0] * len(ps), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        out[i] = running
    return out


@pytest.fixture(scope="module")
def grids(server):
    """One campaign per n (2..60): a baseline and 2-5 groups, each group of one kind."""
    rng = random.Random(28)
    made = {}
    runs = []
    with server.http() as http, ThreadPoolExecutor(16) as pool:
        assert http.put(f"/v1/repos/{REPO}", json={}).status_code in (200, 201)
        for n in range(2, 61):
            campaign = f"n{n}"
            assert http.post(f"/v1/repos/{REPO}/campaigns", json={"id": campaign, "name": campaign}).status_code == 201
            on_grid = n % 2 == 0  # quarters for the baseline too: ties within it, exact differences
            base = [rng.randint(0, 12) / 4 if on_grid else rng.random() for _ in range(n)]
            groups = {"base": base}
            for g in range(2 + n % 4):
                groups[f"g{g}"] = sample(rng, KINDS[(n + g) % 3], base)
            runs += [(campaign, name, i, x) for name, xs in groups.items() for i, x in enumerate(xs)]
            made[campaign] = groups

        def log(spec: tuple) -> None:
            campaign, name, i, x = spec
            run = f"{campaign}-{name}-{i}"
            params = {"variant": name, "split": i % 3, "seed": i // 3}
            assert http.post(f"/v1/repos/{REPO}/runs", json={"id": run, "params": params, "campaign": campaign}).status_code == 201
            assert http.put(f"/v1/repos/{REPO}/runs/{run}/values", json=[{"name": "acc", "value": x}]).status_code == 200

        list(pool.map(log, runs))
    return made


def test_every_statistic_matches_scipy(server, grids):
    checked = {"exact": 0, "permutation": 0, "normal": 0}
    with server.http() as http:
        for campaign, groups in grids.items():
            r = http.get(f"/v1/repos/{REPO}/campaigns/{campaign}/compare", params={"metric": "acc", "by": "variant", "baseline": "base", "status": "any"})
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["pair_on"] == (["seed", "split"] if len(groups["base"]) > 3 else ["split"]) and body["baseline"] == "base"
            base = np.array(groups["base"])
            rows = {row["group"]: row for row in body["rows"]}
            assert set(rows) == set(groups) - {"base"}
            for name, row in rows.items():
                x = np.array(groups[name])
                d = x - base
                n = len(d)
                what = f"{campaign} {name} d={d.tolist()}"
                assert row["n_pairs"] == n and row["unpaired"] == [], what
                mean, sd = d.mean(), d.std(ddof=1)
                half = st.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
                assert close(row["mean_diff"], mean, 1e-12, 1e-12), what
                assert close(row["ci95_low"], mean - half, 1e-12, 1e-12), what
                assert close(row["ci95_high"], mean + half, 1e-12, 1e-12), what
                if sd == 0:
                    continue  # every difference equal: scipy warns and the tests say little
                assert close(row["effect_size"], mean / sd, 1e-12, 1e-12), what
                assert close(row["p_ttest"], st.ttest_rel(x, base).pvalue, 1e-9, 1e-12), what
                if np.all(d == 0):
                    continue
                expected = st.wilcoxon(x, base).pvalue
                if math.isnan(expected):
                    assert row["p_wilcoxon"] is None, what
                else:
                    assert close(row["p_wilcoxon"], expected, 1e-9, 1e-12), (what, row["wilcoxon_method"], row["p_wilcoxon"], expected)
                checked[row["wilcoxon_method"]] += 1
            ps = [rows[name]["p_ttest"] for name in rows]
            if None not in ps:
                for name, adjusted in zip(rows, holm(ps)):
                    assert close(rows[name]["p_holm"], adjusted, 1e-12, 1e-15), campaign
            # Friedman over every group (baseline included), in the answer's group order.
            order = [g["value"] for g in body["groups"]]
            f = body["friedman"]
            assert f is not None and f["n_blocks"] == len(base)
            samples = [np.array(groups[name]) for name in order]
            blocks = np.vstack(samples).T
            ranks = np.mean([st.rankdata(-b) for b in blocks], axis=0)
            assert [r["group"] for r in f["ranks"]] == order
            for r, expected in zip(f["ranks"], ranks):
                assert close(r["rank"], expected, 1e-12, 1e-12), campaign
            k, blocks_n = len(order), len(base)
            cd = st.studentized_range.ppf(0.95, k, np.inf) / math.sqrt(2) * math.sqrt(k * (k + 1) / (6 * blocks_n))
            assert close(f["critical_difference"], cd, 1e-9, 0), campaign
            res = st.friedmanchisquare(*samples)
            if math.isnan(res.statistic):
                assert f["statistic"] is None
            else:
                assert close(f["statistic"], res.statistic, 1e-9, 1e-12), campaign
                assert close(f["p"], res.pvalue, 1e-9, 1e-12), campaign
    # Every method of the signed-rank test was exercised, many times.
    assert min(checked.values()) >= 20, checked


def test_sdk_compare_is_a_dataframe(server, grids):
    pd = pytest.importorskip("pandas")
    campaign = runcamp.Repo(REPO, url=server.url).campaign("n12")
    df = campaign.compare("acc", by="params.variant", baseline="base", status="any")
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns[:3]) == ["params.variant", "n_pairs", "mean_diff"]
    assert list(df["params.variant"]) == sorted(set(grids["n12"]) - {"base"})
    assert (df["n_pairs"] == 12).all()
    assert df.attrs["pair_on"] == ["seed", "split"] and df.attrs["friedman"]["n_blocks"] == 12
    assert df.attrs["baseline"] == "base"


def test_cli_compare_table_csv_and_errors(server, grids):
    def run(*args):
        return CliRunner().invoke(cli, ["--url", server.url, "--repo", REPO, "compare", *args], catch_exceptions=False)

    r = run("n12", "--by", "params.variant", "--baseline", "base", "--metric", "acc", "--status", "any")
    assert r.exit_code == 0, r.output
    for text in ("variant = base", "paired on seed, split", "Wilcoxon", "Friedman over 12 blocks", "Nemenyi CD"):
        assert text in r.output, text
    r = run("n12", "--by", "params.variant", "--baseline", "base", "--metric", "acc", "--status", "any", "--csv")
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("params.variant,n_pairs,mean_diff")
    r = run("n12", "--by", "params.variant", "--baseline", "nope", "--metric", "acc", "--status", "any")
    assert r.exit_code == 2 and "No group has the baseline" in r.output and "Traceback" not in r.output
    r = run("n12", "--by", "params.variant", "--metric", "acc", "--context", "{x")
    assert r.exit_code == 2 and "--context is not JSON" in r.output
    assert json.loads(json.dumps(grids["n12"]["base"]))  # the grid is plain JSON data
