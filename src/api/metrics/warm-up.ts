// A series read's first use, paid before the first request (src/series/warm-up.ts says why):
// the engine's read path, the views and the JSON encoder over a synthetic series, then, where
// there is a database, the read statements and one request through the app's middleware and
// router.
import type { Compressor } from "../../http/compression.ts";
import { jsonText } from "../../lib/json.ts";
import { type Executor, exerciseReadPath, prepareReadStatements, WARM_UP_ROUNDS } from "../../series/index.ts";
import { bucketView, columnsView } from "./views.ts";

/** The pure part: no I/O, so a Worker can run it when its module loads. The columnar answer's text. */
export function warmUpReadCode(): string {
  const buckets = exerciseReadPath();
  jsonText(buckets.map(bucketView));
  let text = "";
  for (let round = 0; round < WARM_UP_ROUNDS; round++) text = jsonText(columnsView([], buckets));
  return text;
}

/**
 * Everything a first downsampled read pays: the code, the answer's compression (`gzip`, the
 * host's), the statements, and a read of a run that cannot exist (answered 404, or 401 with
 * auth on) through `fetch`, the app's.
 */
export async function warmUpReads(fetch: (request: Request) => Response | Promise<Response>, client: Executor, gzip: Compressor): Promise<void> {
  await new Response(gzip(new Response(warmUpReadCode()).body!)).arrayBuffer();
  await prepareReadStatements(client);
  const res = await fetch(new Request("http://warm-up.invalid/v1/repos/runcamp-warm-up/runs/warm-up/metrics/loss?points=1000&format=columnar"));
  await res.arrayBuffer();
}
