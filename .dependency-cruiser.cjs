// The layer rules of src/ (docs/ARCHITECTURE.md), checked by test/layers.test.ts.
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
      comment: "Only the Node host (src/hosts/node.ts and its writer thread, node-writer.ts) may use Node built-ins: everything else runs on Workers too.",
      from: { path: "^src/", pathNot: "^src/hosts/node(-writer)?\\.ts$" },
      to: { dependencyTypes: ["core"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "hosts-on-top",
      severity: "error",
      comment: "Nothing in the app depends on a host.",
      from: { path: "^src/", pathNot: "^src/hosts/" },
      to: { path: "^src/hosts/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
