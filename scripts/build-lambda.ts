// `npm run build:lambda`: bundles the Lambda handler (src/hosts/lambda.ts) into one ES module,
// dist/lambda/index.mjs, to zip and upload with handler `index.handler` on a nodejs22.x
// runtime (docs/deploy.md). test/lambda.test.ts builds it the same way and drives the bundle.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const lambdaBundle = fileURLToPath(new URL("../dist/lambda/index.mjs", import.meta.url));

export async function buildLambda(outfile = lambdaBundle): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL("../src/hosts/lambda.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    outfile,
    // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildLambda();
  console.log(`Lambda bundle: ${lambdaBundle}`);
}
