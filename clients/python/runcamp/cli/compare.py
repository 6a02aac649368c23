"""``runcamp compare``: a campaign's groups against a baseline, paired across splits and seeds."""

from __future__ import annotations

import json
from typing import Any, Optional

import click

from .._errors import RuncampError
from .common import Ctx, Failure, campaign_report, cell, fail, pass_ctx, print_table


def _interval(low: Any, high: Any) -> str:
    return "" if low is None or high is None else f"[{cell(float(low))}, {cell(float(high))}]"


@click.command()
@click.argument("campaign")
@click.option("--by", required=True, help="The param compared, e.g. params.aug.")
@click.option("--metric", "-m", required=True, help="The value or series compared, e.g. acc.")
@click.option("--baseline", "-b", help="The value of --by the others are compared with, e.g. none (default: the first group).")
@click.option("--pair-on", "-p", help="Comma-separated params that pair runs (default: the varying seed/split/fold params).")
@click.option("--context", "-c", help='The metric\'s context as JSON, e.g. \'{"subset":"test"}\' (default: its only one).')
@click.option("--select", type=click.Choice(["last", "min", "max"]), default="last", show_default=True, help="Which point of a series stands for a run.")
@click.option("--better", type=click.Choice(["higher", "lower"]), default="higher", show_default=True, help="Which direction ranks first.")
@click.option("--status", help="Comma-separated statuses counted (default: finished), or 'any'.")
@click.option("--filter", "-f", "filter_", help="Run filter narrowing the campaign's runs.")
@click.option("--csv", "as_csv", is_flag=True, help="The server's CSV.")
@pass_ctx
def compare(
    ctx: Ctx,
    campaign: str,
    by: str,
    metric: str,
    baseline: Optional[str],
    pair_on: Optional[str],
    context: Optional[str],
    select: str,
    better: str,
    status: Optional[str],
    filter_: Optional[str],
    as_csv: bool,
) -> None:
    """Each group of --by against --baseline: mean difference with its 95% CI, paired t and
    Wilcoxon p-values, Holm-adjusted p, Cohen's d_z; with three or more groups the Friedman
    test and average ranks."""
    if context is not None:
        try:
            json.loads(context)
        except ValueError:
            raise Failure(f"--context is not JSON: {context[:80]}", 2) from None
    repo = ctx.repo()
    query = {"metric": metric, "by": by, "baseline": baseline, "pair_on": pair_on, "context": context, "select": select, "better": better}
    query = {k: v for k, v in {**query, "status": status, "filter": filter_}.items() if v is not None}
    try:
        body = campaign_report(repo, campaign, "compare", query, as_csv)
        if body is None:
            return
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    header = [f"params.{body['by']}", "pairs", "mean diff", "95% CI", "p (t)", "p (Wilcoxon)", "p (Holm)", "d_z", "unpaired", "note"]
    rows = [
        [
            row["group"],
            row["n_pairs"],
            row["mean_diff"],
            _interval(row["ci95_low"], row["ci95_high"]),
            row["p_ttest"],
            row["p_wilcoxon"],
            row["p_holm"],
            row["effect_size"],
            ", ".join(u["run"] for u in row["unpaired"]),
            row["reason"],
        ]
        for row in body["rows"]
    ]
    base = cell(body["baseline"])
    print_table(header, rows, title=f"campaign {campaign}: {metric} against {body['by']} = {base}, paired on {', '.join(body['pair_on'])}")
    friedman = body.get("friedman")
    if friedman:
        title = f"Friedman over {friedman['n_blocks']} blocks: χ² = {cell(friedman['statistic'])}, p = {cell(friedman['p'])}"
        if friedman["critical_difference"] is not None:
            title += f"; Nemenyi CD (α = 0.05) = {cell(friedman['critical_difference'])}"
        if friedman["reason"]:
            title += f" ({friedman['reason']})"
        print_table([f"params.{body['by']}", f"average rank (1 = {better} is best)"], [[r["group"], r["rank"]] for r in friedman["ranks"]], title=title)
