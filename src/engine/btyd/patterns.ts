/**
 * Customers with the same history add the same term to a likelihood, so each distinct history
 * (a pattern) is evaluated once and weighted by its count: CDNOW's 2,357 customers have 1,016
 * BG/NBD patterns. The gamma-function terms depend only on x, which takes fewer values still
 * (23), so the distinct x values are indexed too. Patterns are sorted, so a likelihood sums
 * in the same order whatever the order of the rows.
 */
export interface Patterns {
  /** values[f][i]: field f (field 0 is x) of pattern i */
  values: Float64Array[];
  /** customers with pattern i */
  counts: Float64Array;
  /** the distinct x values, ascending */
  distinctX: Float64Array;
  /** position of pattern i's x in distinctX */
  xIndex: Int32Array;
}

/** Groups rows of numbers whose first field is x. */
export function patternsOf(rows: readonly (readonly number[])[]): Patterns {
  const byKey = new Map<string, { row: readonly number[]; count: number }>();
  for (const row of rows) {
    const key = row.join("|");
    const known = byKey.get(key);
    if (known) known.count++;
    else byKey.set(key, { row, count: 1 });
  }
  const sorted = [...byKey.values()].sort((p, q) => {
    for (let f = 0; f < p.row.length; f++) if (p.row[f] !== q.row[f]) return p.row[f] - q.row[f];
    return 0;
  });
  const fields = rows.length > 0 ? rows[0].length : 0;
  const values = Array.from({ length: fields }, (_, f) =>
    Float64Array.from(sorted, (p) => p.row[f])
  );
  const distinctX: number[] = [];
  const xIndex = new Int32Array(sorted.length);
  sorted.forEach((p, i) => {
    if (distinctX[distinctX.length - 1] !== p.row[0]) distinctX.push(p.row[0]);
    xIndex[i] = distinctX.length - 1;
  });
  return {
    values,
    counts: Float64Array.from(sorted, (p) => p.count),
    distinctX: Float64Array.from(distinctX),
    xIndex,
  };
}

/** The mean, summed in ascending order, so the same values in any order give the same bits. */
export function orderFreeMean(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  return sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
}
