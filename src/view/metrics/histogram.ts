/** Histograms of per-run values (election time, messages per election) for the batch view. */

export interface HistogramBin {
  /** The bin holds values in [from, to) (the last bin also holds `to`). */
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins over the values' range (nulls skipped). `binWidth` wins over `bins`; integer data with
 * no width gets integer-aligned bins. No values: no bins.
 */
export function histogram(values: readonly (number | null)[], opts: { bins?: number; binWidth?: number } = {}): HistogramBin[] {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (v.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  let width = opts.binWidth;
  if (width === undefined) {
    const bins = Math.max(1, Math.floor(opts.bins ?? 20));
    width = hi === lo ? 1 : (hi - lo) / bins;
    if (v.every(Number.isInteger)) width = Math.max(1, Math.ceil(width));
  }
  if (!(width > 0)) throw new RangeError(`bin width must be positive (got ${width})`);
  const count = Math.max(1, Math.ceil((hi - lo) / width));
  const out: HistogramBin[] = Array.from({ length: count }, (_, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count: 0 }));
  for (const x of v) out[Math.min(count - 1, Math.floor((x - lo) / width))].count++;
  return out;
}
