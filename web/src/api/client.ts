// HTTP to the server's own /v1 API: the token as a Bearer header, a 401 brings the token
// prompt and the request is sent again once a token is given (or fails with the 401 if the
// prompt is dismissed), problems become ApiProblem.
import { askForToken, token } from "./auth.ts";
import { ApiProblem } from "./types.ts";

export type Query = Record<string, string | number | undefined | null>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  const qs = params.toString();
  return `/v1${path}${qs ? `?${qs}` : ""}`;
}

/** `/repos/{repo}/...` with every segment encoded. */
export const path = (...segments: string[]) => `/${segments.map(encodeURIComponent).join("/")}`;

export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  for (let rejected = false; ; rejected = true) {
    const headers = new Headers(init.headers);
    const sent = token.value;
    if (sent) headers.set("authorization", `Bearer ${sent}`);
    const res = await fetch(url, { ...init, headers });
    if (res.status !== 401) {
      if (!res.ok) throw await problemOf(res);
      return res;
    }
    // A token sent and refused is reported as such; the first 401 without one just asks.
    if (!(await askForToken(rejected || Boolean(sent)))) throw await problemOf(res);
  }
}

async function problemOf(res: Response): Promise<ApiProblem> {
  try {
    const p = await res.json();
    return new ApiProblem(res.status, String(p.title ?? res.statusText), String(p.detail ?? ""), Array.isArray(p.errors) ? p.errors : []);
  } catch {
    return new ApiProblem(res.status, res.statusText || `HTTP ${res.status}`, "");
  }
}

export async function getJson<T>(p: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await apiFetch(apiUrl(p, query), { signal })).json();
}

export async function sendJson<T>(method: "POST" | "PATCH" | "PUT", p: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await apiFetch(apiUrl(p), { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
  return res.json();
}
