// Conditional and range requests on a download (RFC 9110 §13, §14), the parts an artifact
// needs: If-None-Match against its ETag (its SHA-256), If-Range, and a single byte range.
// A Range the server does not take (another unit, bad syntax, several ranges) is ignored and
// the whole artifact is sent, as §14.2 allows.

/** Weak comparison (§8.8.3.2): W/"x" matches "x". `*` matches any current representation. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const tags = header.split(",").map((tag) => tag.trim());
  return tags.some((tag) => tag === "*" || opaque(tag) === opaque(etag));
}

export type RangeAnswer = { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

/**
 * What to send for `range` (the Range header) on `size` bytes. `end` is exclusive. If-Range
 * holding anything but the current strong ETag means the client's copy is stale: send all.
 */
export function chooseRange(range: string | undefined, ifRange: string | undefined, etag: string, size: number): RangeAnswer {
  if (range === undefined) return { kind: "full" };
  if (ifRange !== undefined && ifRange.trim() !== etag) return { kind: "full" };
  const match = /^bytes=\s*(\d*)-(\d*)\s*$/i.exec(range.trim());
  if (!match || (match[1] === "" && match[2] === "")) return { kind: "full" };
  const [first, last] = [match[1], match[2]];
  if (first === "") {
    // A suffix: the last N bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - n), end: size };
  }
  const start = Number(first);
  const end = last === "" ? size : Number(last) + 1;
  if (last !== "" && end <= start) return { kind: "full" }; // last < first: invalid, ignored
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size) };
}
