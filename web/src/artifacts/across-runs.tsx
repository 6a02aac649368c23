// One strip across runs: the artifact of a chosen folder × context (see step-strips.ts) in
// each run that has that strip, at a chosen step: the nearest step at or before it, so runs
// that logged at different steps line up. The strip and step live in the URL (`strip`, `sstep`).
import { useMemo } from "preact/hooks";
import { pool } from "../api/pool.ts";
import { ProblemNote } from "../components/problem-note.tsx";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync } from "../use-async.ts";
import { ArtifactPreview } from "./previews.tsx";
import { atStep, runStrips, type Strip, stripTitle } from "./step-strips.ts";

export interface StripRun {
  id: string;
  name: string;
}

export function AcrossRuns({ repo, runs }: { repo: string; runs: StripRun[] }) {
  const [query, setQuery] = useQueryState();
  const ids = runs.map((r) => r.id).join(",");
  const loaded = useAsync(
    async (signal) => {
      const byRun = new Map<string, Strip[]>();
      await pool(listParam(ids), 4, async (id) => {
        byRun.set(id, (await runStrips(repo, id, signal)).strips);
      });
      return byRun;
    },
    [repo, ids],
  );
  const byRun = loaded.data;
  // Every strip any run has, once, by key.
  const strips = useMemo(() => {
    const all = new Map<string, Strip>();
    for (const list of byRun?.values() ?? []) for (const s of list) if (!all.has(s.key)) all.set(s.key, s);
    return [...all.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  }, [byRun]);
  if (loaded.error) return <ProblemNote error={loaded.error} />;
  if (!strips.length) return null;
  const strip = strips.find((s) => s.key === query.strip) ?? strips[0];
  const stripOf = (run: string) => byRun?.get(run)?.find((s) => s.key === strip.key);
  const having = runs.filter((r) => stripOf(r.id));
  const steps = [...new Set(having.flatMap((r) => stripOf(r.id)!.items.map((a) => a.step)))].sort((a, b) => a - b);
  const asked = query.sstep === undefined ? Number.NaN : Number(query.sstep);
  const step = Number.isFinite(asked) ? asked : steps[steps.length - 1];
  const index = Math.max(
    0,
    steps.findLastIndex((s) => s <= step),
  );

  return (
    <section class="across-runs" aria-labelledby="across-title">
      <h2 id="across-title">Logged per step, across runs</h2>
      <div class="toolbar">
        <label>
          artifact{" "}
          <select value={strip.key} onChange={(e) => setQuery({ strip: e.currentTarget.value, sstep: null }, { push: false })}>
            {strips.map((s) => (
              <option key={s.key} value={s.key}>
                {stripTitle(s)}
              </option>
            ))}
          </select>
        </label>
        <label class="step-slider">
          step <strong class="chosen-step">{step}</strong>{" "}
          <input
            type="range"
            min={0}
            max={steps.length - 1}
            value={index}
            aria-label="Step across runs"
            aria-valuetext={`step ${step}`}
            onInput={(e) => setQuery({ sstep: steps[Number(e.currentTarget.value)] }, { push: false })}
          />
        </label>
        <span class="muted">
          each run at its last step ≤ {step}
          {having.length < runs.length && ` · ${runs.length - having.length} of ${runs.length} runs have no ${stripTitle(strip)}`}
        </span>
      </div>
      <div class="artifact-previews">
        {having.map((r) => {
          const item = atStep(stripOf(r.id)!.items, step);
          return (
            <article key={r.id} class="chart-card artifact-card across-run" data-run={r.id} data-path={item?.path} aria-label={`${r.name} at step ${step}`}>
              <header>
                <h3>
                  <a href={`/repos/${encodeURIComponent(repo)}/runs/${encodeURIComponent(r.id)}`}>{r.name}</a>{" "}
                  {item && <span class="context item-step">step {item.step}</span>}
                </h3>
              </header>
              {item ? <ArtifactPreview repo={repo} run={r.id} artifact={item} /> : <p class="muted">No step ≤ {step}.</p>}
            </article>
          );
        })}
      </div>
    </section>
  );
}
