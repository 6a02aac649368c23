"""runcamp import-tensorboard against a log directory written here by torch.utils.tensorboard:
float32 scalars over steps with chosen wall times (NaN, ±Infinity, values float32 cannot hold
exactly), train/val tags, add_hparams, add_text, add_image, three run directories in two
parents. Every scalar reads back as the exact float64 of its float32, with its step and wall
time; hparams are params; text and the image are artifacts; a second import changes nothing;
a run that gained points is brought up to date and only it."""

from __future__ import annotations

import hashlib
import io
import math

import pytest
from click.testing import CliRunner

from runcamp.cli.main import cli

np = pytest.importorskip("numpy")
pytest.importorskip("tensorboard")
SummaryWriter = pytest.importorskip("torch.utils.tensorboard").SummaryWriter
PIL = pytest.importorskip("PIL.Image")

T0 = 1_700_000_000.0
VALUES = [0.1, 1 / 3, 2.718281828459045, 1e-40, 3.4e38, float("nan"), float("inf"), float("-inf"), -0.0, 123456.789]


def f32(x: float) -> float:
    """The float64 a float32 of x is exactly (past float32's range: ±Infinity)."""
    with np.errstate(over="ignore"):
        return float(np.float32(x))


def wire(x: float):
    return "NaN" if math.isnan(x) else ("Infinity" if x == math.inf else ("-Infinity" if x == -math.inf else x))


def write_logs(root):
    a = SummaryWriter(str(root / "exp1" / "run_a"))
    with np.errstate(over="ignore"):  # 3.4e38 * 2 is past float32: Infinity, as meant
        for step, x in enumerate(VALUES):
            a.add_scalar("Loss/train", np.float32(x), step * 10, walltime=T0 + step * 0.5)
            a.add_scalar("Loss/val", np.float32(x * 2), step * 10, walltime=T0 + step * 0.5 + 0.25)
    a.add_scalar("charts/lr", np.float32(0.001), 0, walltime=T0)
    a.add_text("notes", "lr *0.1*, batch 32", 0, walltime=T0 + 1)
    pixels = np.zeros((3, 4, 5), dtype=np.uint8)  # CHW, as add_image takes it
    pixels[0, 1, 2] = 255
    a.add_image("samples", pixels, 7, walltime=T0 + 2)
    a.add_histogram("weights", np.arange(10), 0, walltime=T0 + 3)
    a.add_hparams({"lr": 0.1, "batch": 32, "opt": "adam", "bn": True}, {"hparam/acc": 0.875})
    a.close()
    b = SummaryWriter(str(root / "exp1" / "run_b"))
    for step in range(5):
        b.add_scalar("accuracy", np.float32(step / 7), step, walltime=T0 + 100 + step)
    b.close()
    c = SummaryWriter(str(root / "solo"))
    c.add_scalar("eval/f1", np.float32(0.5), 3, walltime=T0 + 200)
    c.close()


def run_id(root, rel):
    first = sorted(p.name for p in (root / rel).iterdir() if "tfevents" in p.name)[0]
    return "tb-" + hashlib.sha256(f"{rel}\0{first}".encode()).hexdigest()[:40]


def test_a_torch_log_directory_imports_exactly_and_twice_changes_nothing(server, tmp_path):
    root = tmp_path / "logs"
    write_logs(root)
    args = ["--url", server.url, "import-tensorboard", str(root), "--repo", "from-tb", "--campaign-per-parent", "--no-progress"]
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "imported 3 TensorBoard runs (6 series, 28 points, 2 artifacts) into repo from-tb" in r.output, r.output
    assert "run exp1/run_a: 1 histograms values" in r.output

    ids = {rel: run_id(root, rel) for rel in ("exp1/run_a", "exp1/run_b", "solo")}
    with server.http() as http:

        def get(p, **params):
            resp = http.get(f"/v1/repos/from-tb/{p}", params=params)
            assert resp.status_code == 200, resp.text
            return resp.json()

        a = get(f"runs/{ids['exp1/run_a']}")
        assert a["name"] == "exp1/run_a" and a["status"] == "finished" and a["campaign"] == "exp1"
        assert a["params"] == {"lr": 0.1, "batch": 32, "opt": "adam", "bn": True}
        assert a["created_at"] == "2023-11-14T22:13:20.000Z"
        series = {(s["name"], s["context"].get("subset")) for s in a["metrics"]}
        assert series == {("Loss", "train"), ("Loss", "val"), ("charts/lr", None), ("hparam/acc", None)}
        for subset, scale, offset in (("train", 1, 0.0), ("val", 2, 0.25)):
            pts = get(f"runs/{ids['exp1/run_a']}/metrics/Loss", context=f'{{"subset":"{subset}"}}', limit=1000)["points"]
            assert [p["step"] for p in pts] == [s * 10 for s in range(len(VALUES))]
            assert [p["value"] for p in pts] == [wire(f32(x * scale)) for x in VALUES]  # exact, not approximately
            assert [p["time"] for p in pts] == [T0 + s * 0.5 + offset for s in range(len(VALUES))]
        lr = get(f"runs/{ids['exp1/run_a']}/metrics/charts%2Flr")["points"]
        assert lr[0]["value"] == f32(0.001) and lr[0]["value"] != 0.001
        assert get(f"runs/{ids['exp1/run_a']}/metrics/hparam%2Facc")["points"][0]["value"] == f32(0.875)

        text = http.get(f"/v1/repos/from-tb/runs/{ids['exp1/run_a']}/artifacts/tensorboard/text/notes/text_summary/0.md")
        assert text.status_code == 200 and text.text == "lr *0.1*, batch 32"
        png = http.get(f"/v1/repos/from-tb/runs/{ids['exp1/run_a']}/artifacts/tensorboard/images/samples/7.png")
        image = np.asarray(PIL.open(io.BytesIO(png.content)))
        assert image.shape[:2] == (4, 5) and image[1, 2, 0] == 255 and int(image[..., 0].sum()) == 255

        b = get(f"runs/{ids['exp1/run_b']}")
        assert b["campaign"] == "exp1" and b["params"] == {}
        pts = get(f"runs/{ids['exp1/run_b']}/metrics/accuracy")["points"]
        assert [(p["step"], p["value"], p["time"]) for p in pts] == [(s, f32(s / 7), T0 + 100 + s) for s in range(5)]
        solo = get(f"runs/{ids['solo']}")
        assert solo["campaign"] == "logs" and [(s["name"], s["context"]) for s in solo["metrics"]] == [("f1", {"subset": "val"})]
        assert get("campaigns/exp1")["run_count"] == 2
        before = {rel: get(f"runs/{i}") for rel, i in ids.items()}

    again = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert again.exit_code == 0 and "imported 0 TensorBoard runs" in again.output and "3 runs already there unchanged" in again.output, again.output
    with server.http() as http:
        assert {rel: http.get(f"/v1/repos/from-tb/runs/{i}").json() for rel, i in ids.items()} == before

    # Training went on in run_b (a new event file beside the first): only run_b is imported again.
    more = SummaryWriter(str(root / "exp1" / "run_b"))
    more.add_scalar("accuracy", np.float32(0.99), 5, walltime=T0 + 105)
    more.close()
    third = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert "imported 1 TensorBoard runs (1 series, 6 points, 0 artifacts)" in third.output and "2 runs already there unchanged" in third.output, third.output
    with server.http() as http:
        pts = http.get(f"/v1/repos/from-tb/runs/{ids['exp1/run_b']}/metrics/accuracy").json()["points"]
        assert [p["step"] for p in pts] == [0, 1, 2, 3, 4, 5] and pts[-1]["value"] == f32(0.99)


def test_a_directory_without_event_files_is_refused(server, tmp_path):
    r = CliRunner().invoke(cli, ["--url", server.url, "import-tensorboard", str(tmp_path), "--repo", "from-tb-empty"])
    assert r.exit_code != 0 and "no TensorBoard event files" in r.output
