// Page state lives in the query string, so every view is a shareable URL that restores it.
import { useLocation } from "preact-iso";

export type QueryPatch = Record<string, string | number | boolean | null | undefined>;

export function useQueryState(): [Record<string, string>, (patch: QueryPatch, options?: { push?: boolean }) => void] {
  const location = useLocation();
  const update = (patch: QueryPatch, { push = true } = {}) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined || value === "" || value === false) params.delete(key);
      else params.set(key, value === true ? "1" : String(value));
    }
    const qs = params.toString();
    location.route(window.location.pathname + (qs ? `?${qs}` : ""), !push);
  };
  return [location.query, update];
}

/** A comma-separated list parameter (run ids, param paths). */
export const listParam = (value: string | undefined): string[] => (value ? value.split(",").filter(Boolean) : []);
