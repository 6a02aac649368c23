// The run page's strips: for each folder × context of artifacts logged per step, the steps
// in order around a chosen one (a slider picks it), the chosen one outlined; images show as
// pictures, texts as text (the chosen step only: a row of texts would not be readable).
import { useState } from "preact/hooks";
import { ProblemNote } from "../components/problem-note.tsx";
import { contextLabel } from "../format.ts";
import { useAsync } from "../use-async.ts";
import { ArtifactPreview, ImagePreview, previewKind } from "./previews.tsx";
import { runStrips, STRIP_ARTIFACTS, type SteppedArtifact, type Strip, stripTitle } from "./step-strips.ts";

/** Images shown in a row: the chosen step and up to this many on each side. */
const AROUND = 3;

export function RunStrips({ repo, run, refresh }: { repo: string; run: string; refresh: number }) {
  const loaded = useAsync((signal) => runStrips(repo, run, signal), [repo, run, refresh]);
  if (loaded.error) return <ProblemNote error={loaded.error} />;
  const strips = loaded.data?.strips ?? [];
  if (!strips.length) return null;
  return (
    <section class="step-strips" aria-labelledby="strips-title">
      <h3 id="strips-title">Logged per step</h3>
      {loaded.data?.truncated && <p class="muted hint">From the first {STRIP_ARTIFACTS} artifacts of the run.</p>}
      {strips.map((strip) => (
        <StripCard key={strip.key} repo={repo} run={run} strip={strip} />
      ))}
    </section>
  );
}

function StripCard({ repo, run, strip }: { repo: string; run: string; strip: Strip }) {
  const [index, setIndex] = useState(strip.items.length - 1);
  const at = Math.min(index, strip.items.length - 1);
  const chosen = strip.items[at];
  const images = previewKind(chosen) === "image";
  const row = images ? strip.items.slice(Math.max(0, at - AROUND), at + AROUND + 1) : [chosen];
  const title = stripTitle(strip);
  return (
    <article class="chart-card step-strip" aria-label={`strip ${title}`} data-strip={strip.key}>
      <header>
        <h3>
          <code>{strip.folder || "(top level)"}</code> {Object.keys(strip.context).length > 0 && <span class="context">{contextLabel(strip.context)}</span>}
        </h3>
        <label class="step-slider">
          step <strong class="chosen-step">{chosen.step}</strong>{" "}
          <input
            type="range"
            min={0}
            max={strip.items.length - 1}
            value={at}
            aria-label={`Step of ${title}`}
            aria-valuetext={`step ${chosen.step}`}
            onInput={(e) => setIndex(Number(e.currentTarget.value))}
          />{" "}
          <span class="muted">
            {at + 1} of {strip.items.length}
          </span>
        </label>
      </header>
      <div class="strip-row">
        {row.map((a) => (
          <StripItem key={a.path} repo={repo} run={run} artifact={a} chosen={a === chosen} onChoose={() => setIndex(strip.items.indexOf(a))} />
        ))}
      </div>
    </article>
  );
}

function StripItem({ repo, run, artifact, chosen, onChoose }: { repo: string; run: string; artifact: SteppedArtifact; chosen: boolean; onChoose(): void }) {
  return (
    <figure class={`strip-item${chosen ? " chosen" : ""}`} data-path={artifact.path} data-step={artifact.step}>
      {previewKind(artifact) === "image" ? (
        <ImagePreview repo={repo} run={run} artifact={artifact} />
      ) : (
        <ArtifactPreview repo={repo} run={run} artifact={artifact} />
      )}
      <figcaption>
        <button type="button" class="link" aria-pressed={chosen} onClick={onChoose}>
          step {artifact.step}
        </button>
      </figcaption>
    </figure>
  );
}
