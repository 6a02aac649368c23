// Decoded-once block lists of recently read series, bounded by bytes, least recently used
// evicted first. A long series read again (a dashboard refreshing a plot) then costs no
// database fetch: fetching ~1,000 blobs is most of a cold 1M-point read. Entries are keyed by
// the series' `version`, which every write bumps in the database, so a write by this or any
// other process makes the cached copy unreachable.
import type { Block } from "./blocks.ts";

interface Entry {
  version: number;
  blocks: Block[];
  bytes: number;
}

export class BlockCache {
  readonly #entries = new Map<number, Entry>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get(seriesPk: number, version: number): Block[] | undefined {
    const entry = this.#entries.get(seriesPk);
    if (!entry) return undefined;
    this.#entries.delete(seriesPk);
    if (entry.version !== version) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(seriesPk, entry); // most recently used goes last
    return entry.blocks;
  }

  set(seriesPk: number, version: number, blocks: Block[]): void {
    const bytes = blocks.reduce((sum, b) => sum + b.data.byteLength + 64, 0);
    if (bytes > this.#maxBytes) return;
    const old = this.#entries.get(seriesPk);
    if (old) {
      this.#entries.delete(seriesPk);
      this.#bytes -= old.bytes;
    }
    this.#entries.set(seriesPk, { version, blocks, bytes });
    this.#bytes += bytes;
    for (const [key, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(key);
      this.#bytes -= entry.bytes;
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
