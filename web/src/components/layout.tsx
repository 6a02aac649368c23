import type { ComponentChildren } from "preact";
import { forgetToken, token } from "../api/auth.ts";

export interface Crumb {
  label: string;
  href?: string;
}

export function Layout({ crumbs, children }: { crumbs: Crumb[]; children: ComponentChildren }) {
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
