/** One point of a series, as object. Time in Unix seconds; epoch null when none. Columns: ./columns.ts. */
export interface Point {
  step: number;
  value: number;
  epoch: number | null;
  time: number;
}
