import type { ComponentChildren } from "preact";
import { forgetToken, token } from "../api/auth.ts";
import { usePageTitle } from "../page-title.ts";
import { tableHref } from "../table-link.ts";
import { ThemeToggle } from "./theme-toggle.tsx";

export interface Crumb {
  label: string;
  href?: string;
}

/** The crumb back to a repo's runs table, as the table was left (filter, sort, columns, page). */
export const repoCrumb = (repo: string): Crumb => ({ label: repo, href: tableHref(repo) });

/**
 * Every page's frame: the top bar with its breadcrumb, and the tab's title — `title`, most
 * specific part first ("runs", repo), else the crumbs read from the last.
 */
export function Layout({ crumbs, title, children }: { crumbs: Crumb[]; title?: string[]; children: ComponentChildren }) {
  usePageTitle(title ?? crumbs.map((c) => c.label).reverse());
  return (
    <>
      <header class="topbar">
        <a class="brand" href="/">
          runcamp
        </a>
        <nav class="crumbs" aria-label="Breadcrumb">
          {crumbs.map((c, i) => (
            <span key={i}>
              <span class="sep">/</span>
              {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
            </span>
          ))}
        </nav>
        <span class="spacer" />
        <ThemeToggle />
        {/* /docs is the server's page, not one of the UI's: target=_self keeps the router out of it. */}
        <a class="toplink" href="/docs" target="_self">
          API docs
        </a>
        {token.value && (
          <button type="button" class="toplink" onClick={() => forgetToken()} title="Forget the API token kept in this browser">
            Forget token
          </button>
        )}
      </header>
      <main class="page">{children}</main>
    </>
  );
}
