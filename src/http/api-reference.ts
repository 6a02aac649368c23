// /docs: Scalar's API reference page under a Content-Security-Policy like the web UI's. The page
// loads Scalar's script from the server itself (API_REFERENCE_SCRIPT) and starts it with one
// inline script that carries this response's nonce: no other inline script can run there.
import { Scalar } from "@scalar/hono-api-reference";
import type { Hono } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { API_REFERENCE_SCRIPT } from "./web-ui.ts";

export function mountApiReference(app: Hono) {
  const csp = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE],
      // Scalar sets element styles and injects style sheets at run time.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
  });
  const page = Scalar((c) => ({
    url: "/openapi.json",
    pageTitle: "runcamp API",
    cdn: API_REFERENCE_SCRIPT,
    nonce: c.get("secureHeadersNonce"),
    // Its default web fonts would come from a CDN, and so would its agent: both off.
    withDefaultFonts: false,
    agent: { disabled: true },
  }));
  app.get("/docs", csp, page);
}
