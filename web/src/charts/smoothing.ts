/**
 * Exponential moving average with TensorBoard's debiasing (early points are not pulled toward
 * 0). Non-finite values neither update the average nor get one: they stay as they are, so NaN
 * gaps and ±Infinity marks survive smoothing.
 */
export function ema(values: Float64Array, weight: number): Float64Array {
  if (weight <= 0) return values;
  const out = new Float64Array(values.length);
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    n++;
    out[i] = last / (1 - weight ** n);
  }
  return out;
}
