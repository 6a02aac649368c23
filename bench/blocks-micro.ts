// Micro-benchmark of the pure block layer (no database): node bench/blocks-micro.ts
// Typical training data: consecutive steps, constant epoch, time advancing a few ms, and values
// of three shapes: full-precision noise, noise logged from float32, a constant.
import { BLOCK_SIZE, type Block, decodeBlock, encodeBlock, type Point } from "../src/series/codec/block.ts";
import { columnsOf } from "../src/series/codec/columns.ts";
import { downsample } from "../src/series/downsample.ts";
import { planWrite, readRange } from "../src/series/plan.ts";

const TOTAL = 1_000_000;

const SHAPES: Record<string, () => number> = {
  "full-precision noise": () => Math.random() * 2 - 1,
  "noise logged from float32": () => Math.fround(Math.random() * 2 - 1),
  constant: () => 0.5,
};

function typicalPoints(count: number, value: () => number, firstStep = 0): Point[] {
  const points: Point[] = new Array(count);
  let time = 1_764_147_000;
  for (let i = 0; i < count; i++) {
    time += (2 + Math.floor(Math.random() * 8)) / 1000;
    points[i] = { step: firstStep + i, value: value(), epoch: Math.floor((firstStep + i) / 50_000), time };
  }
  return points;
}

function time<T>(label: string, runs: number, fn: () => T): T {
  let result = fn(); // warm-up
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) result = fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms`);
  return result;
}

for (const [shape, value] of Object.entries(SHAPES)) {
  console.log(`-- values: ${shape}`);
  const points = typicalPoints(TOTAL, value);
  const blocks: Block[] = time(`encode ${TOTAL} points (${Math.ceil(TOTAL / BLOCK_SIZE)} blocks)`, 5, () => {
    const out: Block[] = [];
    for (let i = 0; i < TOTAL; i += BLOCK_SIZE) out.push(encodeBlock(points.slice(i, i + BLOCK_SIZE)));
    return out;
  });
  const bytes = blocks.reduce((s, b) => s + b.data.length, 0);
  console.log(`${"bytes/point".padEnd(44)} ${(bytes / TOTAL).toFixed(2).padStart(8)}`);

  time(`decode ${TOTAL} points`, 5, () => {
    let n = 0;
    for (const b of blocks) n += decodeBlock(b.data).length;
    return n;
  });
  time(`readRange all ${TOTAL} points`, 5, () => readRange(blocks).length);
  time(`downsample ${TOTAL} → 1000`, 50, () => downsample(blocks, 1000));
  time(`downsample ${TOTAL} → 100`, 50, () => downsample(blocks, 100));
  time(`downsample ${TOTAL} → 10000`, 20, () => downsample(blocks, 10_000));
  time(`downsample 100k-step range → 1000`, 50, () => downsample(blocks, 1000, 400_000, 499_999));

  const tail = blocks[blocks.length - 1];
  const batch = typicalPoints(10_000, value, tail.lastStep + 1);
  time("planWrite append 10,000 after the tail block", 50, () => planWrite([tail], columnsOf(batch)));
  const shuffled = [...batch].sort(() => Math.random() - 0.5);
  time("planWrite append 10,000 shuffled", 20, () => planWrite([tail], columnsOf(shuffled)));
}
