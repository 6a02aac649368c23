// A series read's first use, paid before the first request (src/series/warm-up.ts says why):
// the engine's read path, the views and the JSON encoder over a synthetic series, then, where
// there is a database, the read statements and one request through the app's middleware and
// router.
import { jsonText } from "../../lib/json.ts";
import { type Executor, exerciseReadPath, prepareReadStatements, WARM_UP_ROUNDS } from "../../series/index.ts";
import { bucketView, columnsView } from "./views.ts";

/** The pure part: no I/O, so a Worker can run it when its module loads. */
export function warmUpReadCode(): void {
  const buckets = exerciseReadPath();
  jsonText(buckets.map(bucketView));
  for (let round = 0; round < WARM_UP_ROUNDS; round++) jsonText(columnsView([], buckets));
}

/**
 * Everything a first downsampled read pays: the code, the statements, and a read of a run
 * that cannot exist (answered 404, or 401 with auth on) through `fetch`, the app's.
 */
export async function warmUpReads(fetch: (request: Request) => Response | Promise<Response>, client: Executor): Promise<void> {
  warmUpReadCode();
  await prepareReadStatements(client);
  const res = await fetch(new Request("http://warm-up.invalid/v1/repos/runcamp-warm-up/runs/warm-up/metrics/loss?points=1000&format=columnar"));
  await res.arrayBuffer();
}
