// The guard and the router read one path (src/http/request-path.ts). On every host, and with
// the path on the wire exactly as written (no client-side URL resolution), every route family
// — /v1, the MLflow dialect, the artifact proxy — is sent with its segments percent-encoded
// (`%74okens`, `%72epos`), with `.`/`..` segments plain and encoded in both cases, with `//`,
// `%2f` in place of a separator and double encoding (`%2574`), by a repo-limited, a read and a
// write token. No variant of a request its plain path refuses may succeed, and nothing stored
// may change.
import { describe, expect, test } from "vitest";
import { hosts, json, useHost } from "./support/hosts.ts";

const ADMIN = "admin-token-for-the-path-encoding-tests";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

type TokenName = "alpha-write" | "read" | "write";
interface Probe {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
  /** The tokens whose plain request is refused (401/403); each is sent the variants. */
  refused: TokenName[];
}

const ALL: TokenName[] = ["alpha-write", "read", "write"];
const FOREIGN: TokenName[] = ["alpha-write"];
const WRITE_REFUSED: TokenName[] = ["alpha-write", "read"];

function probes(readTokenId: string): Probe[] {
  const r = "/v1/repos/beta/runs/r1";
  return [
    { method: "GET", path: "/v1/tokens", refused: ALL },
    { method: "POST", path: "/v1/tokens", body: { name: "minted", scope: "admin" }, refused: ALL },
    { method: "DELETE", path: `/v1/tokens/${readTokenId}`, refused: ALL },
    { method: "GET", path: "/v1/repos/beta", refused: FOREIGN },
    { method: "PUT", path: "/v1/repos/beta", body: { description: "pwned" }, refused: WRITE_REFUSED },
    { method: "DELETE", path: "/v1/repos/beta", refused: ALL },
    { method: "GET", path: "/v1/repos/beta/runs", refused: FOREIGN },
    { method: "POST", path: "/v1/repos/beta/runs", body: { id: "intruder" }, refused: WRITE_REFUSED },
    { method: "GET", path: r, refused: FOREIGN },
    { method: "PATCH", path: r, body: { name: "pwned" }, refused: WRITE_REFUSED },
    { method: "DELETE", path: r, refused: WRITE_REFUSED },
    { method: "PUT", path: `${r}/values`, body: [{ name: "acc", value: 0 }], refused: WRITE_REFUSED },
    { method: "POST", path: `${r}/metrics`, body: { points: [{ name: "loss", step: 9, value: 9 }] }, refused: WRITE_REFUSED },
    { method: "GET", path: `${r}/metrics/train%2Floss`, refused: FOREIGN },
    { method: "POST", path: "/v1/repos/beta/metrics/query", body: { metrics: [{ name: "loss" }] }, refused: FOREIGN },
    { method: "POST", path: `${r}/heartbeat`, refused: WRITE_REFUSED },
    { method: "POST", path: "/v1/repos/beta/runs/close-stale", refused: WRITE_REFUSED },
    { method: "POST", path: "/v1/repos/beta/campaigns", body: { name: "evil" }, refused: WRITE_REFUSED },
    { method: "DELETE", path: "/v1/repos/beta/campaigns/c1", refused: WRITE_REFUSED },
    { method: "GET", path: "/v1/repos/beta/campaigns/c1/summary", refused: FOREIGN },
    { method: "PUT", path: `${r}/artifacts/reports/evil.txt`, body: "evil", contentType: "text/plain", refused: WRITE_REFUSED },
    { method: "GET", path: `${r}/artifacts/reports/a.txt`, refused: FOREIGN },
    { method: "DELETE", path: `${r}/artifacts/reports/a.txt`, refused: WRITE_REFUSED },
    { method: "POST", path: "/api/2.0/mlflow/experiments/create", body: { name: "evil" }, refused: WRITE_REFUSED },
    { method: "POST", path: "/api/2.0/mlflow/runs/delete", body: { run_id: "r1" }, refused: WRITE_REFUSED },
    { method: "GET", path: "/api/2.0/mlflow/runs/get?run_id=r1", refused: FOREIGN },
    { method: "POST", path: "/ajax-api/2.0/mlflow/runs/search", body: { experiment_ids: ["0"] }, refused: FOREIGN },
    { method: "PUT", path: "/api/2.0/mlflow-artifacts/artifacts/0/r1/artifacts/evil.txt", body: "evil", contentType: "text/plain", refused: WRITE_REFUSED },
  ];
}

const hex = (ch: string, upper: boolean) => {
  const code = ch.charCodeAt(0).toString(16).padStart(2, "0");
  return `%${upper ? code.toUpperCase() : code}`;
};
const encodeLetters = (segment: string, pick: (i: number) => boolean, upper: boolean) =>
  [...segment].map((ch, i) => (/[A-Za-z0-9]/.test(ch) && pick(i) ? hex(ch, upper) : ch)).join("");

/** Ways to write `path` (or a detour to it) that a careless guard might read as another path. */
function variants(path: string): string[] {
  const [pathname, query] = path.split("?");
  const segs = pathname.split("/").slice(1);
  const join = (parts: string[]) => `/${parts.join("/")}${query === undefined ? "" : `?${query}`}`;
  const out = new Set<string>();
  segs.forEach((seg, i) => {
    const at = (replacement: string[]) => join([...segs.slice(0, i), ...replacement, ...segs.slice(i + 1)]);
    out.add(at([encodeLetters(seg, (j) => j === 0, false)])); // %74okens
    out.add(at([encodeLetters(seg, (j) => j === seg.length - 1, true)])); // token%73
    out.add(at([seg.replace(/^([A-Za-z0-9])/, (ch) => `%25${hex(ch, false).slice(1)}`)])); // %2574okens
    for (const dot of [".", "%2e", "%2E"]) out.add(at([dot, seg]));
    for (const up of ["..", "%2e%2e", "%2E%2e", ".%2E"]) out.add(at(["alpha", up, seg]));
    out.add(at(["", seg])); // //
    if (i > 0) {
      for (const slash of ["%2f", "%2F"]) out.add(join([...segs.slice(0, i - 1), `${segs[i - 1]}${slash}${seg}`, ...segs.slice(i + 1)]));
    }
  });
  out.add(join(segs.map((seg, i) => encodeLetters(seg, () => true, i % 2 === 0))));
  out.add(`${pathname}/${query === undefined ? "" : `?${query}`}`);
  out.delete(path);
  return [...out];
}

describe.each(hosts)("percent-encoded and dot-segment paths on $name", (factory) => {
  const api = useHost(factory, { adminToken: ADMIN });

  async function send(token: string, probe: Probe, path: string) {
    const headers: Record<string, string> = { ...bearer(token) };
    let body: string | undefined;
    if (probe.body !== undefined) {
      headers["content-type"] = probe.contentType ?? "application/json";
      body = typeof probe.body === "string" ? probe.body : JSON.stringify(probe.body);
    }
    return api.host.raw(probe.method, path, headers, body);
  }

  // What a refused request could have changed, read beside the server (last_used_at aside).
  async function stored() {
    const tables = [
      "SELECT name, description FROM repos ORDER BY name",
      "SELECT repo_pk, id, name, status, archived, campaign_pk, updated_at FROM runs ORDER BY pk",
      "SELECT repo_pk, id, name FROM campaigns ORDER BY pk",
      "SELECT id, name, scope, repo FROM tokens ORDER BY pk",
      "SELECT run_pk, name, value, updated_at FROM run_values ORDER BY run_pk, name",
      "SELECT pk, name, count, last_value FROM series ORDER BY pk",
      "SELECT * FROM artifacts ORDER BY pk",
      "SELECT name, lifecycle_stage, tags FROM mlflow_experiments ORDER BY name",
    ];
    return Promise.all(tables.map((sql) => api.host.query(sql)));
  }

  test("no encoding of a refused request gets through; nothing stored changes", { timeout: 180_000 }, async () => {
    const admin = (method: string, path: string, body?: unknown) =>
      api.call(path, { ...json(method, body ?? {}), headers: { ...json(method, {}).headers, ...bearer(ADMIN) } });
    expect((await admin("PUT", "/v1/repos/alpha")).status).toBe(201);
    expect((await admin("POST", "/v1/repos/beta/campaigns", { id: "c1", name: "c1" })).status).toBe(201);
    expect((await admin("POST", "/v1/repos/beta/runs", { id: "r1", campaign: "c1" })).status).toBe(201);
    const points = {
      points: [
        { name: "loss", step: 0, value: 1 },
        { name: "train/loss", step: 0, value: 2 },
      ],
    };
    expect((await admin("POST", "/v1/repos/beta/runs/r1/metrics", points)).status).toBe(200);
    expect((await admin("PUT", "/v1/repos/beta/runs/r1/values", [{ name: "acc", value: 0.9 }])).status).toBe(200);
    const artifact = await api.call("/v1/repos/beta/runs/r1/artifacts/reports/a.txt", {
      method: "PUT",
      headers: { ...bearer(ADMIN), "content-type": "text/plain" },
      body: "kept",
    });
    expect(artifact.status).toBe(201);
    const tokens = {} as Record<TokenName, string>;
    let readTokenId = "";
    for (const [name, body] of [
      ["alpha-write", { name: "alpha", scope: "write", repo: "alpha" }],
      ["read", { name: "reader", scope: "read" }],
      ["write", { name: "writer", scope: "write" }],
    ] as [TokenName, object][]) {
      const issued = await (await admin("POST", "/v1/tokens", body)).json();
      tokens[name] = issued.token;
      if (name === "read") readTokenId = issued.id;
    }

    const before = await stored();
    const through: string[] = [];
    let sent = 0;
    for (const probe of probes(readTokenId)) {
      for (const name of probe.refused) {
        const plain = await send(tokens[name], probe, probe.path);
        expect([401, 403], `${name}: ${probe.method} ${probe.path} → ${plain.status} ${plain.text.slice(0, 200)}`).toContain(plain.status);
        for (const path of variants(probe.path)) {
          const res = await send(tokens[name], probe, path);
          sent++;
          expect(res.status, `${name}: ${probe.method} ${path}`).toBeLessThan(500);
          if (res.status >= 200 && res.status < 300) through.push(`${name}: ${probe.method} ${path} → ${res.status}`);
        }
      }
    }
    expect(through).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(await stored()).toEqual(before);
  });

  test("ambiguous paths are a 400 before any token is checked; the same path plainly written is served", async () => {
    const run = "/v1/repos/gamma/runs";
    expect((await api.host.raw("POST", run, { ...bearer(ADMIN), "content-type": "application/json" }, JSON.stringify({ id: "g1" }))).status).toBe(201);
    for (const path of [
      "/v1//repos/gamma/runs",
      "/v1/repos/gamma/runs/%2574g1",
      "/v1/repos/gamma/runs/g1/%2e%2e%2f",
      "/v1/repos/gamma/runs/%E0%A4%A",
      "/v1/repos/gamma/runs/%00",
    ]) {
      for (const headers of [{}, bearer(ADMIN)]) {
        const res = await api.host.raw("GET", path, headers);
        expect(res.status, path).toBe(400);
        expect(JSON.parse(res.text).detail).toMatch(/request path/);
      }
    }
    // Resolved by the URL parser on every host: the path means the run, and is served as it.
    for (const path of ["/v1/repos/gamma/runs/./g1", "/v1/repos/gamma/runs/x/../g1", "/v1/repos/gamma/runs/x/%2e%2E/g1", "/v1/%72epos/gamma/runs/%67%31"]) {
      const res = await api.host.raw("GET", path, bearer(ADMIN));
      expect(res.status, path).toBe(200);
      expect(JSON.parse(res.text).id).toBe("g1");
    }
  });

  test("a metric name holding '/' is read with %2F: one segment to the guard and the router", async () => {
    const repoToken = await (
      await api.call("/v1/tokens", {
        ...json("POST", { name: "delta", scope: "read", repo: "delta" }),
        headers: { ...json("POST", {}).headers, ...bearer(ADMIN) },
      })
    ).json();
    const write = { ...bearer(ADMIN), "content-type": "application/json" };
    expect((await api.host.raw("POST", "/v1/repos/delta/runs", write, JSON.stringify({ id: "d1" }))).status).toBe(201);
    const points = JSON.stringify({ points: [{ name: "val/loss", step: 1, value: 0.5 }] });
    expect((await api.host.raw("POST", "/v1/repos/delta/runs/d1/metrics", write, points)).status).toBe(200);
    const res = await api.host.raw("GET", "/v1/repos/delta/runs/d1/metrics/val%2Floss", bearer(repoToken.token));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).name).toBe("val/loss");
  });
});
