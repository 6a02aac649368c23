// The hosts the API suite runs against. Each test file does
// `describe.each(hosts)(...)` so the same assertions cover app.request() and a real socket
// (and, once the Worker host exists, Miniflare).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/app.ts";
import { defaultLimits, type Config } from "../../src/config.ts";
import { connect } from "../../src/db/connect.ts";
import { openDatabase, startNodeServer } from "../../src/runtime/node.ts";

export interface Host {
  readonly name: string;
  /** Sends a request to the API; `path` starts with "/". */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the server and starts it again on the same database file. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface HostFactory {
  name: string;
  start(config?: Partial<Config>): Promise<Host>;
}

const testConfig = (overrides: Partial<Config> = {}): Config => ({ limits: { ...defaultLimits }, corsOrigins: [], ...overrides });

function tempDatabaseUrl() {
  const dir = mkdtempSync(join(tmpdir(), "runcamp-test-"));
  return { url: `file:${join(dir, "runcamp.db")}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const appRequestHost: HostFactory = {
  name: "app.request",
  async start(overrides) {
    const { url, cleanup } = tempDatabaseUrl();
    const config = testConfig(overrides);
    let client = await openDatabase(url);
    let app = createApp({ db: connect(client), client, config });
    return {
      name: "app.request",
      request: async (path, init) => app.request(path, init),
      async restart() {
        client.close();
        client = await openDatabase(url);
        app = createApp({ db: connect(client), client, config });
      },
      async close() {
        client.close();
        cleanup();
      },
    };
  },
};

export const nodeSocketHost: HostFactory = {
  name: "node socket",
  async start(overrides) {
    const { url, cleanup } = tempDatabaseUrl();
    const config = testConfig(overrides);
    let running = await startNodeServer({ url, host: "127.0.0.1", port: 0, config });
    return {
      name: "node socket",
      request: (path, init) => fetch(`http://127.0.0.1:${running.port}${path}`, init),
      async restart() {
        await running.close();
        running = await startNodeServer({ url, host: "127.0.0.1", port: 0, config });
      },
      async close() {
        await running.close();
        cleanup();
      },
    };
  },
};

export const hosts: HostFactory[] = [appRequestHost, nodeSocketHost];

/** JSON request helpers that keep tests short. */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}
