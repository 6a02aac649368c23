// How numbers, dates and contexts read on screen.
import type { RunFailure } from "./api/types.ts";

const compact = new Intl.NumberFormat("en", { maximumSignificantDigits: 4 });

/** A number to 4 significant digits (exponent form for very large or small), non-finite spelled out. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "−∞";
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(3).replace(/\.?0+e/, "e");
  return compact.format(x);
}

/** Any JSON value in a table cell. */
export function formatValue(x: unknown): string {
  if (x === null || x === undefined) return "";
  if (typeof x === "number") return formatNumber(x);
  if (x === "NaN" || x === "Infinity" || x === "-Infinity") return formatNumber(Number(x));
  if (typeof x === "string") return x;
  return JSON.stringify(x);
}

const dateTime = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

export function formatDate(iso: string | null): string {
  if (!iso) return "";
  return dateTime.format(new Date(iso)).replace(",", "");
}

export function formatDuration(fromIso: string, toIso: string | null): string {
  const s = Math.max(0, ((toIso ? Date.parse(toIso) : Date.now()) - Date.parse(fromIso)) / 1000);
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.round((s % 86400) / 3600)} h`;
}

/** `subset=val, fold=1`, or "" for the empty context. */
export function contextLabel(context: Record<string, unknown>): string {
  return Object.entries(context)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

const KIB = 1024;

/** A byte count in binary units: 512 B, 1.5 KiB, 64 MiB. */
export function formatBytes(n: number): string {
  if (n < KIB) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let x = n / KIB;
  let u = 0;
  while (x >= KIB && u < units.length - 1) {
    x /= KIB;
    u++;
  }
  return `${x < 10 ? x.toFixed(1) : Math.round(x)} ${units[u]}`;
}

/** `ValueError: lr must be positive`; null for a run without a failure. */
export function failureText(run: { failure: RunFailure | null }): string | null {
  const f = run.failure;
  if (!f) return null;
  return f.type && f.message ? `${f.type}: ${f.message}` : f.type || f.message || null;
}
