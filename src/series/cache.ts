// Decoded-once block lists of recently read series, bounded by bytes, least recently used
// evicted first. A long series read again (a dashboard refreshing a plot) then costs no
// database fetch: fetching ~1,000 blobs is most of a cold 1M-point read. Entries are keyed by
// the series' `version`, which every write bumps in the database, so a write by this or any
// other process makes the cached copy unreachable. A long series read whole caches its chunk
// summaries (about a tenth of the bytes), or the summary-level entries it read: that read
// never fetches the blocks.
import type { Block } from "./codec/block.ts";
import type { ChunkSummaries } from "./codec/chunk-summary.ts";

/**
 * What is cached of a series: its blocks (exact reads), the chunk summaries of all its blocks
 * or the entries of one summary level (long whole-series downsampling).
 */
interface Kinds {
  blocks: Block[];
  chunks: ChunkSummaries;
  levels: { level: number; entries: ChunkSummaries };
}
type Kind = keyof Kinds;

interface Entry {
  version: number;
  value: Kinds[Kind];
  bytes: number;
}

const sizeOf = (value: Kinds[Kind]) =>
  Array.isArray(value) ? value.reduce((sum, b) => sum + b.data.byteLength + 64, 0) : "entries" in value ? value.entries.byteLength : value.byteLength;

export class BlockCache {
  // Keyed by kind and series, so both kinds of one series can be held at once.
  readonly #entries = new Map<string, Entry>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get<K extends Kind>(kind: K, seriesPk: number, version: number): Kinds[K] | undefined {
    const key = `${kind}:${seriesPk}`;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.version !== version) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry); // most recently used goes last
    return entry.value as Kinds[K];
  }

  set<K extends Kind>(kind: K, seriesPk: number, version: number, value: Kinds[K]): void {
    const bytes = sizeOf(value);
    if (bytes > this.#maxBytes) return;
    const key = `${kind}:${seriesPk}`;
    const old = this.#entries.get(key);
    if (old) {
      this.#entries.delete(key);
      this.#bytes -= old.bytes;
    }
    this.#entries.set(key, { version, value, bytes });
    this.#bytes += bytes;
    for (const [evict, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(evict);
      this.#bytes -= entry.bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
