// The critical-difference diagram (Demšar 2006): the groups' average ranks on an axis from 1
// (best) to k, the Nemenyi critical difference as a bar above it, and a thick line joining
// each maximal run of groups whose ranks lie within CD of each other (no difference shown at
// α = 0.05). Plain SVG: labels are text nodes, so a param value is shown, never run.
import { useRef } from "preact/hooks";
import { formatNumber } from "../format.ts";
import { ChartExportMenu } from "./chart-export-menu.tsx";
import { svgElementFile } from "./svg-file.ts";

export interface RankedGroup {
  label: string;
  rank: number;
}

const AXIS_WIDTH = 420;
const AXIS_Y = 56;
const ROW = 20;

/** Maximal runs [i, j] (in rank order) whose rank spread is at most cd, each not inside another. */
export function cliques(ranks: readonly number[], cd: number): [number, number][] {
  const out: [number, number][] = [];
  let lastEnd = -1;
  for (let i = 0; i < ranks.length; i++) {
    let j = i;
    while (j + 1 < ranks.length && ranks[j + 1] - ranks[i] <= cd) j++;
    if (j > i && j > lastEnd) {
      out.push([i, j]);
      lastEnd = j;
    }
  }
  return out;
}

export function CriticalDifference({ groups, cd, title }: { groups: RankedGroup[]; cd: number; title: string }) {
  const svg = useRef<SVGSVGElement>(null);
  const sorted = [...groups].sort((a, b) => a.rank - b.rank);
  const k = groups.length;
  // Room for the longest label on either side (about 7 px a character at 12 px).
  const MARGIN = Math.min(240, 24 + 7 * Math.max(...sorted.map((g) => g.label.length + formatNumber(g.rank).length + 3)));
  const WIDTH = AXIS_WIDTH + 2 * MARGIN;
  const x = (rank: number) => MARGIN + ((rank - 1) / Math.max(1, k - 1)) * AXIS_WIDTH;
  const half = Math.ceil(sorted.length / 2);
  const height = AXIS_Y + 24 + half * ROW + 10;
  const bars = cliques(
    sorted.map((g) => g.rank),
    cd,
  );
  return (
    <div class="cd-chart">
      <ChartExportMenu file={() => svg.current && svgElementFile(title, svg.current)} />
      <svg
        ref={svg}
        class="cd-diagram"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        role="img"
        aria-label={`Critical difference diagram, CD ${formatNumber(cd)}`}
      >
        <g class="cd-bar">
          <line x1={x(1)} x2={x(1) + (cd / Math.max(1, k - 1)) * AXIS_WIDTH} y1={16} y2={16} />
          <text x={x(1)} y={10}>
            CD = {formatNumber(cd)}
          </text>
        </g>
        <line class="cd-axis" x1={x(1)} x2={x(k)} y1={AXIS_Y} y2={AXIS_Y} />
        {Array.from({ length: k }, (_, i) => (
          <g key={i} class="cd-tick">
            <line x1={x(i + 1)} x2={x(i + 1)} y1={AXIS_Y - 5} y2={AXIS_Y} />
            <text x={x(i + 1)} y={AXIS_Y - 9} text-anchor="middle">
              {i + 1}
            </text>
          </g>
        ))}
        {bars.map(([i, j], n) => (
          <line key={`${i}-${j}`} class="cd-clique" x1={x(sorted[i].rank) - 3} x2={x(sorted[j].rank) + 3} y1={AXIS_Y + 8 + n * 5} y2={AXIS_Y + 8 + n * 5} />
        ))}
        {sorted.map((g, i) => {
          // The better half is labelled on the left, the rest on the right, each on its own row.
          const left = i < half;
          const row = left ? i : sorted.length - 1 - i;
          const y = AXIS_Y + 24 + row * ROW;
          const labelX = left ? MARGIN - 8 : WIDTH - MARGIN + 8;
          return (
            <g key={g.label} class="cd-group" data-rank={g.rank}>
              <polyline points={`${x(g.rank)},${AXIS_Y} ${x(g.rank)},${y} ${labelX + (left ? 4 : -4)},${y}`} />
              <text x={labelX} y={y + 4} text-anchor={left ? "end" : "start"}>
                {g.label} ({formatNumber(g.rank)})
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
