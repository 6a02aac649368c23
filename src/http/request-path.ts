// One path for the guard and the router. Hono routes on the request path with every
// percent-encoding decoded once except those of reserved characters and of "%" itself
// (decodeURI, "%25" kept): `/v1/%74okens` routes as `/v1/tokens`, while `%2F`, `%3F` and
// `%25` stay encoded, so an encoded "/" never splits a segment. Every host hands the app a
// URL the WHATWG parser has already normalised (literal and `%2e` dot segments resolved).
// The guard decides on c.req.path — that very routed path — and this middleware, the app's
// first, refuses what could still mean one thing to one layer and another to the next:
//   an empty segment ("//")            a client or proxy may collapse it, we would not
//   invalid percent-encoding or UTF-8  Hono would route it half-decoded
//   a segment that decodes to . or .., a later decode would climb the path, or find
//     or whose encoded "/" leaves an      a "//"
//     empty, . or .. piece
//   a segment still percent-encoded    double encoding (%2574): a second decode (a proxy,
//     after one decode                 an SDK, a handler) would see another path
//   a control character (%00-%1F, %7F) no name or path the API stores may hold one
// "%2F" inside a segment stays allowed: metric names and artifact paths carry "/" that way,
// and it is one segment to the router and to the guard alike.
import type { MiddlewareHandler } from "hono";
import { badRequest } from "./problems.ts";

const STILL_ENCODED = /%[0-9A-Fa-f]{2}/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why the path (as the URL parser left it) is refused, or null when it is unambiguous. */
export function ambiguousPath(pathname: string): string | null {
  const segments = pathname.split("/");
  // segments[0] is the empty string before the leading "/"; a trailing "/" leaves one more.
  for (let i = 1; i < segments.length; i++) {
    const raw = segments[i];
    if (raw === "") {
      if (i === segments.length - 1) break;
      return "The request path has an empty segment (`//`).";
    }
    if (!raw.includes("%")) {
      if (raw === "." || raw === "..") return "The request path has a `.` or `..` segment.";
      continue;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return "The request path is not valid percent-encoded UTF-8.";
    }
    // An encoded "/" is part of its segment here, but whatever splits the decoded text again
    // (an artifact path, a proxy) must not find an empty, "." or ".." piece in it either.
    const pieces = decoded.split("/");
    if (pieces.some((piece) => piece === "." || piece === ".." || (piece === "" && pieces.length > 1)))
      return "The request path has an encoded `.` or `..` segment, or an encoded `/` that leaves an empty one.";
    if (STILL_ENCODED.test(decoded)) return "The request path is percent-encoded twice (e.g. `%2574`): encode each character once.";
    if (CONTROL.test(decoded)) return "The request path holds an encoded control character.";
  }
  return null;
}

/** Refuses an ambiguous request path with a 400 before any guard or handler sees it. */
export function refuseAmbiguousPaths(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf("/", url.indexOf("//") + 2);
    const end = url.search(/[?#]/);
    const pathname = url.slice(start, end === -1 ? undefined : end);
    const why = ambiguousPath(pathname);
    if (why)
      throw badRequest(why, [{ path: "path", message: "must be one unambiguous path: no `//`, no dot segments, each character percent-encoded at most once" }]);
    await next();
  };
}
