// The start-up warm-up (src/series/warm-up.ts): it must take the read paths it warms, and
// leave the database as it found it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/hosts/node.ts";
import { exerciseReadPath, prepareReadStatements } from "../src/series/index.ts";

const dir = mkdtempSync(join(tmpdir(), "runcamp-warm-up-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the read warm-up", () => {
  it("downsamples its whole synthetic series from chunk summaries", () => {
    const buckets = exerciseReadPath();
    expect(buckets.length).toBeGreaterThan(50);
    expect(buckets.length).toBeLessThanOrEqual(100);
    expect(buckets[0].start).toBe(0);
    expect(buckets.at(-1)!.end).toBe(16 * 1024 - 1);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(16 * 1024);
  });

  it("issues the read statements without reading or writing a row", async () => {
    const client = await openDatabase(`file:${join(dir, "warm.db")}`);
    try {
      const before = await client.execute("SELECT total_changes() AS n");
      const seen: string[] = [];
      const spy = new Proxy(client, {
        get: (target, prop) =>
          prop === "execute"
            ? (stmt: { sql: string }) => {
                seen.push(stmt.sql);
                return target.execute(stmt);
              }
            : Reflect.get(target, prop),
      });
      await prepareReadStatements(spy);
      expect(seen.some((sql) => sql.includes("group_concat(summary"))).toBe(true);
      expect(seen.some((sql) => sql.includes("FROM series_blocks WHERE series_pk = ?"))).toBe(true);
      expect((await client.execute("SELECT total_changes() AS n")).rows[0].n).toBe(before.rows[0].n);
    } finally {
      client.close();
    }
  });
});
