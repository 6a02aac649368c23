// `npm run build:web` (also run by npm start, npm run dev, build:worker and the test setup):
// bundles the web UI (web/src, Preact + uPlot) with esbuild into web/dist — index.html, hashed
// JS and CSS under assets/ — and copies the API reference's script for /docs from
// @scalar/api-reference, so no page the server renders loads anything from outside.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
export const webDist = join(root, "web", "dist");

export interface WebBuild {
  /** Bytes of the UI's JavaScript, minified, and gzipped (level 9). */
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

export async function buildWeb(): Promise<WebBuild> {
  rmSync(webDist, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: "web/src/main.tsx" },
    outdir: join(webDist, "assets"),
    entryNames: "[name]-[hash]",
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    jsx: "automatic",
    jsxImportSource: "preact",
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => resolve(root, file));
  const js = outputs.find((f) => f.endsWith(".js"))!;
  const css = outputs.find((f) => f.endsWith(".css"))!;
  const html = readFileSync(join(root, "web", "index.html"), "utf8")
    .replace("%APP_JS%", `/assets/${basename(js)}`)
    .replace("%APP_CSS%", `/assets/${basename(css)}`);
  writeFileSync(join(webDist, "index.html"), html);
  copyFileSync(join(root, "web", "favicon.svg"), join(webDist, "favicon.svg"));
  // Workers static assets read this file (it is not served): the Node host sets the same headers.
  writeFileSync(join(webDist, "_headers"), "/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Content-Type-Options: nosniff\n");
  mkdirSync(join(webDist, "docs"), { recursive: true });
  const scalar = createRequire(import.meta.url).resolve("@scalar/api-reference/browser/standalone.js");
  copyFileSync(scalar, join(webDist, "docs", "api-reference.js"));
  const jsBytes = readFileSync(js);
  return { jsBytes: jsBytes.length, jsGzipBytes: gzipSync(jsBytes, { level: 9 }).length, cssGzipBytes: gzipSync(readFileSync(css), { level: 9 }).length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const out = await buildWeb();
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `web UI built into web/dist in ${Math.round(performance.now() - t0)} ms: JS ${kib(out.jsBytes)}, gzipped ${kib(out.jsGzipBytes)} (budget 150 KiB); CSS gzipped ${kib(out.cssGzipBytes)}`,
  );
}
