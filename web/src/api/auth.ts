// The API token. The server answers 401 on /v1 when it has one configured; the UI then asks
// for it once, keeps it in localStorage and sends it as a Bearer header — never in a URL.
import { signal } from "@preact/signals";

const KEY = "runcamp.token";

export const token = signal<string | null>(localStorage.getItem(KEY));
/** Set while a request waits for the person to give a token; `rejected` when the last one failed. */
export const tokenRequest = signal<{ rejected: boolean } | null>(null);

let waiting: { promise: Promise<void>; resolve: () => void } | null = null;

/** Shows the prompt (once, however many requests wait) and resolves when a token is given. */
export function askForToken(rejected: boolean): Promise<void> {
  if (!waiting) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    waiting = { promise, resolve };
    tokenRequest.value = { rejected };
  }
  return waiting.promise;
}

export function giveToken(value: string) {
  token.value = value;
  localStorage.setItem(KEY, value);
  tokenRequest.value = null;
  const w = waiting;
  waiting = null;
  w?.resolve();
}

export function forgetToken() {
  token.value = null;
  localStorage.removeItem(KEY);
}
