// One column chosen from what the repo holds, named as the runs table names its columns
// (`params.lr`, `values.acc{subset:"test"}`, `metrics.loss{subset:"val"}.min`).
import type { ColumnFields } from "../api/types.ts";
import { type Aggregation, metricColumn, valueColumn } from "../columns.ts";

// The summaries worth plotting (count and last_step say how long a series is, not how it went).
const SUMMARIES: Aggregation[] = ["last", "min", "max"];

export interface FieldGroups {
  params: string[];
  values: string[];
  metrics: string[];
}

export function fieldGroups(c: ColumnFields | undefined): FieldGroups {
  if (!c) return { params: [], values: [], metrics: [] };
  return {
    params: c.params,
    values: c.values.map((v) => valueColumn(v.name, v.context)),
    metrics: c.metrics.flatMap((m) => SUMMARIES.map((agg) => metricColumn(m.name, m.context, agg))),
  };
}

export function FieldSelect({
  label,
  groups,
  value,
  optional,
  onChange,
}: {
  label: string;
  groups: FieldGroups;
  value: string;
  /** Offers "none" (the empty value). */
  optional?: boolean;
  onChange(field: string): void;
}) {
  const known = [...groups.params, ...groups.values, ...groups.metrics].includes(value);
  return (
    <label>
      {label}{" "}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {optional && <option value="">none</option>}
        {/* A field typed into the URL that the catalog does not list stays chosen. */}
        {value && !known && <option value={value}>{value}</option>}
        {(
          [
            ["params", groups.params],
            ["values", groups.values],
            ["series", groups.metrics],
          ] as const
        ).map(
          ([name, fields]) =>
            fields.length > 0 && (
              <optgroup key={name} label={name}>
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </optgroup>
            ),
        )}
      </select>
    </label>
  );
}
