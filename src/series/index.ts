// The metric storage engine, behind this one door. Points go in as blocks of up to 1,024
// packed points per row (./codec/block.ts), each with per-chunk summaries beside it
// (./codec/chunk-summary.ts); the series table keeps every series' summary. Nothing outside
// src/series/ imports its files directly (test/layers.test.ts checks it).
export { BlockCache } from "./cache.ts";
export type { SeriesRow, SeriesSummary, SummaryColumn } from "./catalog.ts";
export { decodeSummaryColumn, deleteSeriesOf, findSeries, listRunSeries, listSeriesOfRuns, SUMMARY_SQL } from "./catalog.ts";
export type { Point } from "./codec/block.ts";
export { MAX_TIME_MS } from "./codec/block.ts";
export type { PointColumns } from "./codec/columns.ts";
export { allocColumns, columnsOf, concatColumns } from "./codec/columns.ts";
export type { Bucket } from "./downsample.ts";
export type { LevelSeal } from "./levels.ts";
export { sealLevels } from "./levels.ts";
export type { SeriesSource } from "./read.ts";
export { downsampleSeries, readPoints } from "./read.ts";
export type { Executor, SeriesWrite, StoredSeries } from "./store.ts";
export { readTouchedBlocks, seriesWriteStatements, storedSeriesFromRows, storedSeriesStatements, touchedBlocksStatements, writeSeries } from "./store.ts";
export { exerciseReadPath, prepareReadStatements, WARM_UP_ROUNDS } from "./warm-up.ts";
