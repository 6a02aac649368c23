// The artifacts the artifact browser tests look at, uploaded through the API with a token as
// the SDKs do: a real PNG (encoded here, byte by byte), an SVG carrying a script that must
// never run, a CSV with quoted commas and line breaks and more rows than the preview shows, a
// binary larger than one stored part, confusion matrices in a campaign (one with its labels in
// another order), and runs with no artifacts or with more than a page of them.
import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { apiCaller } from "./seed.ts";

/** An RGB PNG of `width` × `height`: a horizontal red ramp over a vertical blue one. */
export function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolor, deflate, no filter, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each scanline starts with filter type 0
    for (let x = 0; x < width; x++) raw.set([Math.round((255 * x) / (width - 1)), 90, Math.round((255 * y) / (height - 1))], row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));
}

export const PNG_SIZE = { width: 320, height: 160 };
export const PNG = png(PNG_SIZE.width, PNG_SIZE.height);

// An SVG whose script would mark the page if it ever ran in it (inline SVG runs scripts, an <img> never does).
export const SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120">',
  '<rect width="240" height="120" fill="#fff"/>',
  ...[70, 40, 95, 60].map((h, i) => `<rect x="${20 + i * 55}" y="${110 - h}" width="40" height="${h}" fill="#4e79a7"/>`),
  '<script>parent.window.svgRan = true; window.svgRan = true;</script><text id="svg-marker" x="6" y="14" font-size="12">svg</text></svg>',
].join("");

export const CSV_ROWS = 150;
/** A header, two rows that only a real CSV parser reads right, then numbered rows up to CSV_ROWS. */
export const CSV = [
  "class,precision,note",
  'cat,0.91,"fluffy, mostly"',
  'dog,0.88,"line one\nline two"',
  ...Array.from({ length: CSV_ROWS - 2 }, (_, i) => `c${i + 3},0.${String(i + 10).padStart(2, "0")},"say ""hi"""`),
].join("\r\n");

/** A CSV larger than the part of it the preview reads. */
export const BIG_CSV = ["step,loss", ...Array.from({ length: 40_000 }, (_, i) => `${i},${(1 / (1 + i)).toFixed(8)}`)].join("\n");

export const BINARY = new Uint8Array(randomBytes(600 * 1024)); // more than two 256 KiB parts

export const LABELS = ["cat", "dog", "bird"];
/** r-a's matrix: rows are true classes. Its metrics are worked out by hand in the test. */
export const M_A = [
  [5, 1, 0],
  [2, 6, 2],
  [0, 1, 3],
];
export const M_B = [
  [4, 2, 0],
  [1, 8, 1],
  [1, 0, 3],
];
/** r-c's matrix with its labels in another order: bird, cat, dog. */
export const C_LABELS = ["bird", "cat", "dog"];
export const M_C = [
  [4, 0, 0],
  [0, 6, 0],
  [1, 0, 9],
];

export const MANY = 55;

export const confusion = (labels: string[], matrix: number[][]) => JSON.stringify({ labels, matrix });

export async function seedArtifacts(origin: string, token: string) {
  const call = apiCaller(origin, token);
  const put = async (run: string, path: string, body: Uint8Array<ArrayBuffer> | string, type: string) => {
    const res = await fetch(`${origin}/v1/repos/lab/runs/${run}/artifacts/${path}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body,
    });
    if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
  };
  await call("POST", "/v1/repos/lab/campaigns", { id: "cm-grid", name: "cm-grid" });
  await call("POST", "/v1/repos/lab/campaigns", { id: "no-cm", name: "no-cm" });
  for (const [id, aug] of [
    ["r-a", "none"],
    ["r-b", "none"],
    ["r-c", "flip"],
  ]) {
    await call("POST", "/v1/repos/lab/runs", { id, name: `run ${id}`, params: { aug, lr: 0.01 }, campaign: "cm-grid" });
    // Campaign reports count finished runs by default.
    await call("PATCH", `/v1/repos/lab/runs/${id}`, { status: "finished" });
  }
  await put("r-a", "eval/confusion.json", confusion(LABELS, M_A), "application/vnd.runcamp.confusion+json");
  await put("r-b", "eval/confusion.json", confusion(LABELS, M_B), "application/vnd.runcamp.confusion+json");
  await put("r-c", "eval/confusion.json", confusion(C_LABELS, M_C), "application/vnd.runcamp.confusion+json");
  await put("r-a", "figures/loss.png", PNG, "image/png");
  await put("r-a", "figures/diagram.svg", SVG, "image/svg+xml");
  await put("r-a", "reports/classes.csv", CSV, "text/csv; charset=utf-8");
  await put("r-a", "checkpoints/model.bin", BINARY, "application/octet-stream");
  await put("r-b", "notes.txt", "to be deleted", "text/plain");
  await put("r-b", "reports/big.csv", BIG_CSV, "text/csv");

  await call("POST", "/v1/repos/lab/runs", { id: "r-empty", name: "no artifacts", campaign: "no-cm" });
  await call("POST", "/v1/repos/lab/runs", { id: "r-many", name: "many artifacts" });
  for (let i = 0; i < MANY; i++) await put("r-many", `file-${String(i).padStart(2, "0")}.txt`, `file ${i}`, "text/plain");
}
