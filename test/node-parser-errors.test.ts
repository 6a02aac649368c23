// Requests Node's HTTP parser refuses before the app sees them get a problem+json body like
// every other error, not a bare status line: oversized headers (a long non-ASCII cursor, whose
// percent-encoding triples each byte) are a 431, a request that is not HTTP a 400. The
// connection closes only once the client has stopped sending, so it reads the answer.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Host, nodeSocketHost } from "./support/hosts.ts";
import { contractViolation } from "./support/response-contract.ts";

let host: Host;
let port: number;
beforeAll(async () => {
  host = await nodeSocketHost.start();
  port = Number(new URL((await host.request("/health")).url).port);
});
afterAll(() => host.close());

/** The raw bytes the server answers to `request` on a fresh connection. */
function rawExchange(request: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("end", () => done(answer));
    socket.on("error", fail);
  });
}

describe("Node host: parser refusals", () => {
  test("a 16 KiB+ request line is a 431 problem, documented on the route, on a fresh or a reused connection", async () => {
    const path = `/v1/repos?cursor=${encodeURIComponent("é".repeat(3000))}`;
    for (const attempt of ["fresh", "after another request"]) {
      if (attempt !== "fresh") expect((await host.request("/v1/repos")).status).toBe(200); // keep-alive: the next request reuses it
      const res = await host.request(path);
      expect(res.status, attempt).toBe(431);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await contractViolation("GET", "/v1/repos", res)).toBeNull();
      expect(await res.json()).toEqual({
        type: "https://runcamp.dev/problems/header-too-large",
        title: "Request header fields too large",
        status: 431,
        detail: "The request line and headers exceed the server's limit; send long values in a body.",
      });
    }
  });

  test("a client still sending its oversized request reads the 431, not a reset", async () => {
    const failures: string[] = [];
    const answer = await new Promise<string>((done) => {
      const socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true }, async () => {
        const send = (text: string) =>
          new Promise<void>((sent) =>
            socket.write(text, (err) => {
              if (err) failures.push(err.message);
              sent();
            }),
          );
        await send("GET /v1/repos?cursor=");
        for (let i = 0; i < 20 && !socket.destroyed; i++) {
          await send("x".repeat(2000));
          await new Promise((r) => setTimeout(r, 20));
        }
        if (!socket.destroyed) socket.end(" HTTP/1.1\r\nHost: x\r\n\r\n");
      });
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString("latin1");
      });
      socket.on("error", (err) => failures.push(err.message));
      socket.on("close", () => done(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(failures).toEqual([]);
  });

  test("bytes that are not HTTP are a 400 problem, and the connection closes", async () => {
    const answer = await rawExchange("NOT HTTP AT ALL\r\n\r\n");
    const [head, body] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\ncontent-type: application\/problem\+json\r\n/i);
    expect(head).toMatch(/\r\nconnection: close/i);
    expect(JSON.parse(body)).toMatchObject({ status: 400, type: "https://runcamp.dev/problems/invalid-request" });
  });

  test("the server goes on serving after them", async () => {
    expect((await host.request("/health")).status).toBe(200);
  });
});
