// The layer rules of src/ (docs/ARCHITECTURE.md), checked by test/layers.test.ts.
// Resource folders under src/api/ stand apart: what several of them need (finding repos,
// runs and campaigns, the run's row, view, update, activity stamp, selection and deletion)
// lives one layer down in src/runs-core/. The few imports between resources that remain are
// compositions named here, each with why; anything else between two resource folders fails.
// Keys are the importing resource, values the files of other resources it may import.
const RESOURCE_COMPOSITIONS = {
  mlflow: {
    may: "(artifacts|campaigns|inputs|metrics|tokens)/",
    why: "The MLflow dialect is a layer over the resources: each call is translated onto runcamp's own services and routes (docs/ARCHITECTURE.md).",
  },
  runs: {
    may: "((values|inputs)/(service|schemas)|metrics/(views|schemas))\\.ts$",
    why: "GET /runs/{run} shows the run's values, dataset inputs and series summaries in their own resources' shapes.",
  },
  imports: {
    may: "((values|inputs)/(service|schemas)|artifacts/schemas)\\.ts$",
    why: "An import writes values and dataset inputs, and names artifact paths, checked exactly as their own routes check them.",
  },
  campaigns: {
    may: "artifacts/(confusion|schemas|service)\\.ts$",
    why: "A campaign's confusion summary reads its runs' confusion-matrix artifacts with the artifacts' own parser and reader.",
  },
  tokens: {
    may: "metrics/routes\\.ts$",
    why: "The token guard decides read or write per route: POST .../metrics/query (isSeriesQuery) only reads.",
  },
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "Import cycles make the layers meaningless.", from: { path: "^src/" }, to: { circular: true } },
    {
      name: "engine-below-api",
      severity: "error",
      comment: "The series engine and the filter language know nothing of HTTP or the resources.",
      from: { path: "^src/(series|filter)/" },
      to: { path: "^src/(api|http|hosts)/" },
    },
    {
      name: "series-one-door",
      severity: "error",
      comment: "Outside src/series/, the engine is reached through src/series/index.ts only.",
      from: { path: "^src/", pathNot: "^src/series/" },
      to: { path: "^src/series/", pathNot: "^src/series/index\\.ts$" },
    },
    {
      name: "lib-is-pure",
      severity: "error",
      comment: "src/lib/ holds small pure helpers: they import nothing of the app.",
      from: { path: "^src/lib/" },
      to: { path: "^src/(?!lib/)" },
    },
    {
      name: "node-only-in-node-host",
      severity: "error",
      comment:
        "Only the Node host (src/hosts/node.ts, its writer thread node-writer.ts, its gzip node-gzip.ts and its socket warm-up node-socket-warm-up.ts) and the backups of its embedded file (backup.ts and its thread) may use Node built-ins: everything else runs on Workers too.",
      from: { path: "^src/", pathNot: "^src/hosts/(node(-writer|-gzip|-socket-warm-up)?|backup(-thread)?)\\.ts$" },
      to: { dependencyTypes: ["core"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "hosts-on-top",
      severity: "error",
      comment: "Nothing in the app depends on a host.",
      from: { path: "^src/", pathNot: "^src/hosts/" },
      to: { path: "^src/hosts/" },
    },
    {
      name: "runs-core-below-api",
      severity: "error",
      comment: "src/runs-core/ holds what several resources share; it knows none of them.",
      from: { path: "^src/runs-core/" },
      to: { path: "^src/api/" },
    },
    {
      name: "api-resources-apart",
      severity: "error",
      comment: `A resource folder under src/api/ imports no other resource folder (share through src/runs-core/), except the compositions named in RESOURCE_COMPOSITIONS: ${Object.keys(RESOURCE_COMPOSITIONS).join(", ")}.`,
      from: { path: "^src/api/([^/]+)/", pathNot: `^src/api/(${Object.keys(RESOURCE_COMPOSITIONS).join("|")})/` },
      to: { path: "^src/api/[^/]+/", pathNot: "^src/api/$1/" },
    },
    ...Object.entries(RESOURCE_COMPOSITIONS).map(([resource, { may, why }]) => ({
      name: `api-resources-apart-${resource}`,
      severity: "error",
      comment: `src/api/${resource}/ imports no other resource folder but ${may}: ${why}`,
      from: { path: `^src/api/${resource}/` },
      to: { path: "^src/api/[^/]+/", pathNot: [`^src/api/${resource}/`, `^src/api/${may}`] },
    })),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
