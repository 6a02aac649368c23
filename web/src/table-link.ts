// The way back to a repo's runs table as it was left: the table keeps its whole state (filter,
// sort, columns, page) in its URL, and remembers that URL per repo for this tab
// (sessionStorage), so the breadcrumb from a run, the compare page or a campaign returns to it.
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";

const key = (repo: string) => `runcamp.table.${repo}`;

const tableBase = (repo: string) => `/repos/${encodeURIComponent(repo)}`;

/** Called by the runs table: remembers its query string whenever it changes (and only its own). */
export function useRememberedTable(repo: string) {
  const { url } = useLocation();
  useEffect(() => {
    if (window.location.pathname === tableBase(repo)) sessionStorage.setItem(key(repo), window.location.search);
  }, [repo, url]);
}

/** The runs table's URL with the state it was last shown in (in this tab), else the plain table. */
export function tableHref(repo: string): string {
  return tableBase(repo) + (sessionStorage.getItem(key(repo)) ?? "");
}
