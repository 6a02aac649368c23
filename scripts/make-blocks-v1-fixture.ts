// Writes test/fixtures/blocks-v1.json: version-1 blocks and chunk summaries, as the server
// wrote them before version 2, with the points each must read back as. Run once when version
// 2 came (node scripts/make-blocks-v1-fixture.ts); test/blocks-v1-fixture.test.ts checks that
// today's decoders still read them exactly. Values are kept as their 64 bits in hex (JSON has
// no NaN payloads nor -0), times in ms.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Point } from "../src/series/codec/block.ts";
import { encodeBlockV1, encodeSummaryV1 } from "../test/support/codec-v1.ts";
import { prng } from "../test/support/prng.ts";

const MAX = Number.MAX_SAFE_INTEGER;

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function toBits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

const r = prng(31);
const series: Point[][] = [];
// Typical training data: consecutive steps, a constant epoch, times a few ms apart.
let time = 1_764_147_000.25;
series.push(Array.from({ length: 1024 }, (_, i) => ({ step: 5000 + i, value: Math.sin(i) * 1e3 + i / 7, epoch: 3, time: (time += (2 + (i % 9)) / 1000) })));
// Values logged from float32, a constant series, an all-NaN block.
series.push(
  Array.from({ length: 300 }, (_, i) => ({
    step: i,
    value: Math.fround(1 / (1 + i / 50) + r() * 0.05),
    epoch: Math.floor(i / 100),
    time: 1_764_147_000 + i * 0.01,
  })),
);
series.push(Array.from({ length: 200 }, (_, i) => ({ step: 10 + 2 * i, value: 0.5, epoch: null, time: 1_764_147_000 })));
series.push(Array.from({ length: 3 }, (_, i) => ({ step: i, value: NaN, epoch: null, time: i })));
// Every kind of float64 (NaN payloads, ±Infinity, -0, subnormals, extremes), irregular steps up
// to 2^53-1, epochs null and not, times across ±2^52 ms.
const specials = [
  NaN,
  fromBits("7ff80000deadbeef"),
  fromBits("fff0000000000001"),
  Infinity,
  -Infinity,
  -0,
  0,
  Number.MIN_VALUE,
  -Number.MAX_VALUE,
  2.2250738585072014e-308,
];
let step = 0;
series.push(
  Array.from({ length: 700 }, (_, i) => {
    step += i % 50 === 49 ? 1 + Math.floor(r() * 2 ** 40) : 1 + Math.floor(r() * 3);
    const value = i < specials.length ? specials[i] : r() < 0.2 ? specials[Math.floor(r() * specials.length)] : (r() - 0.5) * 10 ** Math.floor(r() * 12);
    const epoch = r() < 0.3 ? null : Math.floor(r() * 4);
    return { step, value, epoch, time: (r() - 0.5) * 8e12 };
  }),
);
series.push([{ step: MAX, value: -1 / 3, epoch: MAX, time: -4503599627370.495 }]);

const blocks = series.map((points) => {
  const block = encodeBlockV1(points);
  return {
    data: Buffer.from(block.data).toString("base64"),
    summary: Buffer.from(encodeSummaryV1(points)).toString("base64"),
    meta: {
      firstStep: block.firstStep,
      lastStep: block.lastStep,
      count: block.count,
      min: block.min === null ? null : toBits(block.min),
      max: block.max === null ? null : toBits(block.max),
    },
    points: points.map((p) => [p.step, toBits(p.value), p.epoch, Math.round(p.time * 1000) + 0]),
  };
});
const file = join(import.meta.dirname, "..", "test", "fixtures", "blocks-v1.json");
writeFileSync(file, `${JSON.stringify({ about: "version-1 blocks and chunk summaries; see scripts/make-blocks-v1-fixture.ts", blocks })}\n`);
console.log(`wrote ${file}`);
