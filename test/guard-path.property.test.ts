// Property: the token guard decides the same on a path and on any percent-encoding of it. A
// path is drawn as segments of characters (route words such as "tokens" and "repos" among
// them, "%" and non-ASCII too), written once with only what must be encoded, and once more
// with any characters encoded, in either hex case. Both are sent through a Hono app holding the
// app's own path check and the guard's own decision (what every host does before: the WHATWG
// URL parser of Request); whether the path is refused as ambiguous, and the guard's decision
// for each method and token, must not differ.
import fc from "fast-check";
import { Hono } from "hono";
import { describe, expect, test } from "vitest";
import { type Auth, accessRefusal, needs } from "../src/api/tokens/guard.ts";
import { onError } from "../src/http/problems.ts";
import { refuseAmbiguousPaths } from "../src/http/request-path.ts";

const WORDS = ["v1", "tokens", "repos", "alpha", "beta", "runs", "metrics", "query", "api", "2.0", "mlflow", "artifacts", "r1", "x"];
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."ab-_.~%?#é😀 :@&=+$,;'!*()".split("").concat(["😀"])), minLength: 1, maxLength: 6 }) },
);
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const AUTHS: Auth[] = [
  { scope: "read", repo: null },
  { scope: "write", repo: null },
  { scope: "write", repo: "alpha" },
  { scope: "admin", repo: "beta" },
  { scope: "admin", repo: null },
];

const utf8Hex = (ch: string, upper: boolean) =>
  [...new TextEncoder().encode(ch)]
    .map((b) => `%${b.toString(16).padStart(2, "0")}`)
    .map((h) => (upper ? h.toUpperCase() : h))
    .join("");

/** A segment written with only what a URL path must encode (what a careful client sends). */
const plainly = (seg: string) => [...seg].map((ch) => (/[A-Za-z0-9\-_.~!$&'()*+,;=:@]/.test(ch) ? ch : utf8Hex(ch, true))).join("");
/** The same segment with the characters `pick` chooses encoded too. */
const encoded = (seg: string, pick: boolean[], upper: boolean[]) =>
  [...seg].map((ch, i) => (pick[i % pick.length] ? utf8Hex(ch, upper[i % upper.length]) : plainly(ch))).join("");

// The app's first middleware and the guard's decision, for every token at once; the routed
// path comes back too, for the examples below.
const app = new Hono();
app.onError(onError);
app.use("*", refuseAmbiguousPaths());
app.all("*", (c) => c.json({ path: c.req.path, verdicts: AUTHS.map((auth) => accessRefusal(auth, c)) }));

async function decide(method: string, path: string): Promise<{ ambiguous: boolean; path?: string; verdicts?: (string | null)[] }> {
  const res = await app.request(path, { method });
  if (res.status === 400) return { ambiguous: true };
  expect(res.status).toBe(200);
  return { ambiguous: false, ...(method === "HEAD" ? {} : await res.json()) };
}
const routed = async (path: string) => (await decide("GET", path)).path as string;

describe("the guard's decision does not depend on how a path is percent-encoded", () => {
  test("any encoding of any characters: same refusal as ambiguous, same verdict for every method and token", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...METHODS.filter((m) => m !== "HEAD")),
        async (segs, pick, upper, method) => {
          const plain = await decide(method, `/${segs.map(plainly).join("/")}`);
          const other = await decide(method, `/${segs.map((s) => encoded(s, pick, upper)).join("/")}`);
          expect(other.ambiguous).toBe(plain.ambiguous);
          expect(other.verdicts).toEqual(plain.verdicts);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("the guard reads the routed path: /v1/%74okens is /v1/tokens, and an encoded repo is that repo", async () => {
    expect(needs("POST", await routed("/v1/%74okens"))).toEqual({ scope: "admin", repo: null, unrestricted: true });
    expect(needs("GET", await routed("/v1/%72epos/%62eta/runs"))).toEqual({ scope: "read", repo: "beta", unrestricted: false });
    expect(needs("DELETE", await routed("/v1/repos/%62eta"))).toEqual({ scope: "admin", repo: "beta", unrestricted: false });
    expect(needs("POST", await routed("/v1/repos/beta/metrics/%71uery"))).toEqual({ scope: "read", repo: "beta", unrestricted: false });
    expect(needs("POST", await routed("/v1/repos/beta/runs")).scope).toBe("write");
  });
});
