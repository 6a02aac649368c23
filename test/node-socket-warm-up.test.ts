// The Node host's requests to itself before it says it is listening (src/hosts/node-socket-warm-up.ts):
// which address reaches a bind address, the requests sent, and a host it cannot reach costs no error.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "vitest";
import { selfAddress, warmUpOverSocket } from "../src/hosts/node-socket-warm-up.ts";

test("a wildcard bind is reached on loopback, any other address as it is", () => {
  expect(selfAddress(undefined)).toBe("127.0.0.1");
  expect(selfAddress("0.0.0.0")).toBe("127.0.0.1");
  expect(selfAddress("::")).toBe("::1");
  expect(selfAddress("[::1]")).toBe("::1");
  expect(selfAddress("10.1.2.3")).toBe("10.1.2.3");
});

test("sends its reads with gzip accepted, and gives up quietly where nothing answers", async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers["accept-encoding"]}`);
    res.end("{}");
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  await warmUpOverSocket("127.0.0.1", port);
  expect(new Set(seen)).toEqual(new Set(["/v1/repos/runcamp-warm-up/runs/warm-up/metrics/loss?points=1000&format=columnar gzip", "/openapi.json gzip"]));
  await new Promise((closed) => server.close(closed));
  await expect(warmUpOverSocket("127.0.0.1", port)).resolves.toBeUndefined();
});
