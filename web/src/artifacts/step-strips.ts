// Artifacts logged per step (an image per epoch) gathered into strips: one per folder and
// context, in step order. The folder is the path up to its last '/': the SDKs store
// log_artifact("samples/pred.png", step=3) at samples/pred/3.png, so a strip is named
// samples/pred; files uploaded by hand group the same way when put in one folder.
import { listArtifacts } from "../api/artifacts.ts";
import type { Artifact } from "../api/types.ts";
import { contextText } from "../columns.ts";
import { contextLabel } from "../format.ts";

/** An artifact logged at a step. */
export type SteppedArtifact = Artifact & { step: number };

export interface Strip {
  /** Folder and context as one text: the strip's id in URLs. */
  key: string;
  folder: string;
  context: Artifact["context"];
  /** Ascending steps; one artifact per step (the latest created when a step repeats). */
  items: SteppedArtifact[];
}

const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

export const stripKey = (folder: string, context: Artifact["context"]) => `${folder}${contextText(context)}`;

/** The strip as people read it: `samples/pred subset=val`. */
export const stripTitle = (strip: Pick<Strip, "folder" | "context">) =>
  `${strip.folder || "(top level)"}${Object.keys(strip.context).length ? ` ${contextLabel(strip.context)}` : ""}`;

/** The strips among `artifacts` (those without a step are left out), ordered by key. */
export function stepStrips(artifacts: readonly Artifact[]): Strip[] {
  const strips = new Map<string, Strip>();
  for (const a of artifacts) {
    if (a.step === null) continue;
    const folder = folderOf(a.path);
    const key = stripKey(folder, a.context);
    let strip = strips.get(key);
    if (!strip) strips.set(key, (strip = { key, folder, context: a.context, items: [] }));
    strip.items.push(a as SteppedArtifact);
  }
  for (const strip of strips.values()) {
    strip.items.sort((a, b) => a.step - b.step || (a.created_at < b.created_at ? -1 : 1));
    strip.items = strip.items.filter((a, i, all) => i === all.length - 1 || all[i + 1].step !== a.step);
  }
  return [...strips.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The item at the largest step ≤ `step` (items ascending), or undefined when every step is later. */
export function atStep(items: readonly SteppedArtifact[], step: number): SteppedArtifact | undefined {
  let found: SteppedArtifact | undefined;
  for (const item of items) {
    if (item.step > step) break;
    found = item;
  }
  return found;
}

/** Strips read from this many artifacts of a run (one page): the rest are not shown. */
export const STRIP_ARTIFACTS = 1000;

/** A run's strips, from the first STRIP_ARTIFACTS of its artifacts, and whether there were more. */
export async function runStrips(repo: string, run: string, signal?: AbortSignal): Promise<{ strips: Strip[]; truncated: boolean }> {
  const page = await listArtifacts(repo, run, { limit: STRIP_ARTIFACTS }, signal);
  return { strips: stepStrips(page.items), truncated: page.next_cursor !== null };
}
