// Saved views of the runs table (/v1/repos/{repo}/views): create, replace, list, read,
// delete; bad names and states are 400s that leave the stored views as they were.
import { describe, expect, test } from "vitest";
import { hostsWithSqld, json, uniqueRepo, useHost } from "./support/hosts.ts";

const STATE = {
  filter: "params.lr > 0.01",
  sort: "metrics.loss.min asc",
  columns: ["params.lr", 'metrics.loss{subset:"val"}.min'],
  page_size: 50,
  archived: true,
};

describe.each(hostsWithSqld)("saved views on $name", (factory) => {
  const api = useHost(factory);

  async function newRepo(label: string) {
    const repo = uniqueRepo(label);
    expect((await api.call(`/v1/repos/${repo}`, { method: "PUT" })).status).toBe(201);
    return repo;
  }
  const viewUrl = (repo: string, name: string) => `/v1/repos/${repo}/views/${encodeURIComponent(name)}`;
  const list = async (repo: string) => (await (await api.call(`/v1/repos/${repo}/views`)).json()).items;

  test("PUT creates (201) then replaces (200); GET and the list give the state back; DELETE removes it (then 404)", async () => {
    const repo = await newRepo("views");
    const created = await api.call(viewUrl(repo, "Best runs"), json("PUT", { state: STATE }));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: "Best runs", state: STATE });
    const replaced = await api.call(viewUrl(repo, "Best runs"), json("PUT", { state: { filter: "" } }));
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).state).toEqual({ filter: "" });
    await api.call(viewUrl(repo, "a-first"), json("PUT", { state: {} }));
    expect((await list(repo)).map((v: { name: string }) => v.name)).toEqual(["Best runs", "a-first"]);
    expect(await (await api.call(viewUrl(repo, "Best runs"))).json()).toMatchObject({ name: "Best runs", state: { filter: "" } });

    expect((await api.call(viewUrl(repo, "Best runs"), { method: "DELETE" })).status).toBe(204);
    expect((await api.call(viewUrl(repo, "Best runs"))).status).toBe(404);
    expect((await api.call(viewUrl(repo, "Best runs"), { method: "DELETE" })).status).toBe(404);
    expect((await list(repo)).map((v: { name: string }) => v.name)).toEqual(["a-first"]);
  });

  test("views page by name", async () => {
    const repo = await newRepo("views-pages");
    for (const name of ["c", "a", "b"]) await api.call(viewUrl(repo, name), json("PUT", { state: {} }));
    const first = await (await api.call(`/v1/repos/${repo}/views?limit=2`)).json();
    expect(first.items.map((v: { name: string }) => v.name)).toEqual(["a", "b"]);
    const second = await (await api.call(`/v1/repos/${repo}/views?limit=2&cursor=${first.next_cursor}`)).json();
    expect(second).toMatchObject({ items: [{ name: "c" }], next_cursor: null });
  });

  test("views belong to their repo; an unknown repo is a 404, and deleting the repo deletes its views", async () => {
    const repo = await newRepo("views-own");
    const other = await newRepo("views-other");
    await api.call(viewUrl(repo, "mine"), json("PUT", { state: {} }));
    expect(await list(other)).toEqual([]);
    expect((await api.call(viewUrl(other, "mine"))).status).toBe(404);
    expect((await api.call(viewUrl(uniqueRepo("nope"), "mine"), json("PUT", { state: {} }))).status).toBe(404);
    expect((await api.call(`/v1/repos/${repo}`, { method: "DELETE" })).status).toBe(204);
    expect(await api.host.query("SELECT count(*) AS n FROM saved_views WHERE name = 'mine'")).toEqual([{ n: 0 }]);
  });

  test("bad names and states are 400s naming the field; the stored view stays as it was", async () => {
    const repo = await newRepo("views-bad");
    await api.call(viewUrl(repo, "kept"), json("PUT", { state: STATE }));
    const badNames = ["x".repeat(65), " lead", "trail ", "a/b", "semi;colon", "é", ".hidden"];
    for (const name of badNames) {
      const res = await api.call(viewUrl(repo, name), json("PUT", { state: {} }));
      expect(res.status, name).toBe(400);
      expect((await res.json()).errors[0].path).toBe("name");
    }
    const badStates: [unknown, string][] = [
      [{ filter: "params.lr >" }, "state.filter"],
      [{ sort: "tags.x" }, "state.sort"],
      [{ columns: ["params.lr", "metrics.loss.avg"] }, "state.columns"],
      [{ page_size: 30 }, "state.page_size"],
      [{ archived: "yes" }, "state.archived"],
      [{ colour: "red" }, "state.colour"],
      [{ columns: Array.from({ length: 101 }, (_, i) => `params.p${i}`) }, "state.columns"],
    ];
    for (const [state, path] of badStates) {
      const res = await api.call(viewUrl(repo, "kept"), json("PUT", { state }));
      expect(res.status, JSON.stringify(state)).toBe(400);
      expect((await res.json()).errors[0].path, JSON.stringify(state)).toBe(path);
    }
    expect((await api.call(viewUrl(repo, "kept"), json("PUT", []))).status).toBe(400);
    expect((await (await api.call(viewUrl(repo, "kept"))).json()).state).toEqual(STATE);
    expect((await list(repo)).map((v: { name: string }) => v.name)).toEqual(["kept"]);
  });
});
