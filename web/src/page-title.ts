// The browser tab's title for each view, most specific first: "runs · <repo> · runcamp",
// "<run name> · <repo> · runcamp", so tabs and history entries tell the views apart.
import { useEffect } from "preact/hooks";

export const pageTitle = (parts: string[]) => [...parts.filter(Boolean), "runcamp"].join(" · ");

export function usePageTitle(parts: string[]) {
  const title = pageTitle(parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
