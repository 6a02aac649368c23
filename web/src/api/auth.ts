// The API token. The server answers 401 on /v1 when it has one configured; the UI then asks
// for it once, keeps it in localStorage and sends it as a Bearer header — never in a URL.
import { signal } from "@preact/signals";

const KEY = "runcamp.token";

export const token = signal<string | null>(localStorage.getItem(KEY));
/** Set while a request waits for the person to give a token; `rejected` when the last one failed. */
export const tokenRequest = signal<{ rejected: boolean } | null>(null);

let waiting: { promise: Promise<boolean>; resolve: (given: boolean) => void } | null = null;

/** Shows the prompt (once, however many requests wait); resolves true when a token is given, false when the prompt is dismissed. */
export function askForToken(rejected: boolean): Promise<boolean> {
  if (!waiting) {
    let resolve!: (given: boolean) => void;
    const promise = new Promise<boolean>((r) => (resolve = r));
    waiting = { promise, resolve };
    tokenRequest.value = { rejected };
  }
  return waiting.promise;
}

function answer(given: boolean) {
  tokenRequest.value = null;
  const w = waiting;
  waiting = null;
  w?.resolve(given);
}

export function giveToken(value: string) {
  token.value = value;
  localStorage.setItem(KEY, value);
  answer(true);
}

/** The prompt dismissed (Escape): the waiting requests fail with the server's 401. */
export const declineToken = () => answer(false);

export function forgetToken() {
  token.value = null;
  localStorage.removeItem(KEY);
}
