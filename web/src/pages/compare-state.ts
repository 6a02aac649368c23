// The compare page's state: everything a person chooses is in the URL (the runs or filter,
// color/stroke/group/facet params, aggregate and band, series, x axis, zoom, hidden legend
// items); what is loaded from it (the runs, which of the chosen ids exist, the series
// catalog); and the live refresh while any shown run is running.
import { useMemo, useRef, useState } from "preact/hooks";
import { AGGREGATES, type Aggregate, BANDS, type GroupBand } from "../charts/aggregate.ts";
import { splitColumnList } from "../columns.ts";
import { chartOptionsOf } from "../components/chart-options.tsx";
import { listParam, useQueryState } from "../url-state.ts";
import { useAsync, useInterval } from "../use-async.ts";
import { detailCache, loadRuns, loadSeriesKeys, parseSeriesKey, type Selection, type SeriesKey } from "./compare-data.ts";
import { facetsOf, linesFor } from "./compare-lines.ts";
import type { Zoom } from "./run-charts.tsx";

/** How often the page re-reads while a shown run is running (the run page's pace). */
export const LIVE_MS = 3000;

// Legend keys hold commas (a group's values as JSON): the `hide` list escapes them.
const hideText = (keys: Iterable<string>) => [...keys].map((k) => k.replace(/%/g, "%25").replace(/,/g, "%2C")).join(",");
const hideKeys = (text: string | undefined) => new Set(listParam(text).map(decodeURIComponent));

export function useCompareState(repo: string) {
  const [query, setQuery] = useQueryState();
  const ids = listParam(query.runs);
  const asked: Selection = query.filter ? { filter: query.filter } : { runs: ids };
  const askedKey = JSON.stringify(asked);
  const colorBy = query.color ?? "";
  const strokeBy = query.stroke ?? "";
  const facetBy = query.facet ?? "";
  const groupBy = listParam(query.group);
  const aggregate: Aggregate = query.agg && query.agg in AGGREGATES ? (query.agg as Aggregate) : "mean";
  const band: GroupBand = query.band && query.band in BANDS ? (query.band as GroupBand) : "minmax";
  const [tick, setTick] = useState(0);
  const detail = useMemo(() => detailCache(repo), [repo]);
  // Runs chosen by id are read one request each: when nothing but the line names needs them,
  // they wait until the curves are in rather than compete with them. A read that names an
  // unknown run needs them too, to find which one it is.
  const [curvesIn, setCurvesIn] = useState(false);
  const [missingRun, setMissingRun] = useState(false);
  const runsNow = "filter" in asked || Boolean(colorBy || strokeBy || facetBy) || groupBy.length > 0 || curvesIn || missingRun;
  const runs = useAsync(async (signal) => (runsNow ? loadRuns(repo, asked, detail, signal) : undefined), [repo, askedKey, runsNow, tick]);
  const running = (runs.data?.runs ?? []).filter((r) => r.status === "running").map((r) => r.id);
  // The interval's callback outlives renders: it reads the running runs of the latest one.
  const runningNow = useRef(running);
  runningNow.current = running;
  useInterval(
    () => {
      detail.forget(runningNow.current);
      setTick((t) => t + 1);
    },
    LIVE_MS,
    running.length > 0,
  );
  const missing = runs.data?.missing ?? [];
  // The charts read the runs that exist (once known which do not).
  const selection: Selection = "runs" in asked && missing.length ? { runs: ids.filter((id) => !missing.includes(id)) } : asked;
  const [found, setFound] = useState<SeriesKey[]>([]);
  const catalog = useAsync(
    (signal) => {
      setFound([]);
      return loadSeriesKeys(repo, asked, detail, signal, setFound);
    },
    [repo, askedKey],
  );
  const chosen = splitColumnList(query.metrics ?? "");
  const charts = chosen.length ? chosen.map(parseSeriesKey).filter((k) => k !== null) : (catalog.data ?? found);
  const zoom: Zoom = query.from !== undefined && query.to !== undefined ? { from: Number(query.from), to: Number(query.to) } : {};
  const runList = runs.data?.runs ?? [];
  const lines = useMemo(
    () => linesFor(runList, ids, { colorBy, strokeBy, groupBy, style: { aggregate, band } }),
    [runs.data, query.runs, colorBy, strokeBy, query.group, aggregate, band],
  );
  const facets = useMemo(() => facetsOf(runList, facetBy), [runs.data, facetBy]);
  const hidden = useMemo(() => hideKeys(query.hide), [query.hide]);
  const toggle = (key: string) => {
    const next = new Set(hidden);
    if (!next.delete(key)) next.add(key);
    setQuery({ hide: hideText(next) }, { push: false });
  };

  return {
    setQuery,
    ids,
    asked,
    selection,
    choice: { colorBy, strokeBy, facetBy, groupBy, aggregate, band, sameAxes: query.facetaxes !== "free" },
    runs,
    runList,
    missing,
    live: running.length > 0,
    tick,
    catalog,
    chosen,
    charts,
    options: chartOptionsOf(query, true),
    zoom,
    lines,
    facets,
    hidden,
    toggle,
    curvesLoaded: () => setCurvesIn(true),
    runMissing: () => setMissingRun(true),
  };
}
