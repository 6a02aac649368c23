// Headers every answer carries on every host (nosniff, no Referer, no framing by other sites),
// errors included, and /docs under a Content-Security-Policy whose one inline script is
// allowed by this response's nonce alone.
import { describe, expect, test } from "vitest";
import { hosts, useHost } from "./support/hosts.ts";

describe.each(hosts)("security headers on $name", (factory) => {
  const api = useHost(factory);

  test("JSON, problem and not-found answers: nosniff, Referrer-Policy no-referrer, no framing", async () => {
    for (const [path, status] of [
      ["/health", 200],
      ["/v1/repos", 200],
      ["/v1/repos/no-such-repo", 404],
      ["/v1/repos/BAD!", 400],
      ["/no/such/route", 404],
    ] as [string, number][]) {
      const res = await api.call(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
    }
  });

  test("an artifact keeps its own sandbox policy", async () => {
    expect((await api.call("/v1/repos/hdr/runs", { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":"r1"}' })).status).toBe(201);
    const put = await api.call("/v1/repos/hdr/runs/r1/artifacts/page.html", {
      method: "PUT",
      headers: { "content-type": "text/html" },
      body: "<script>alert(1)</script>",
    });
    expect(put.status).toBe(201);
    const res = await api.call("/v1/repos/hdr/runs/r1/artifacts/page.html");
    expect(res.headers.get("content-security-policy")).toBe("sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  test("/docs: a CSP allowing only its own origin and the inline script that carries this response's nonce", async () => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const res = await api.host.request("/docs");
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      const html = await res.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.length).toBeGreaterThan(0);
      for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
