// What the benchmarks share: medians, and rows printed against the floor each was measured
// against in the same run, with the target and whether it is met (by how much it is missed).

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface Row {
  measure: string;
  value: number;
  unit: 'ms' | 'MB';
  /** What the value is compared with, measured in the same run. */
  floor?: { name: string; value: number };
  /** A ratio to the floor at most, or an absolute value at most (in the row's unit). */
  target?: { ratio: number } | { max: number };
}

/** PASS, or MISS with how far over the target the value is (20% over: 1.2 times the target). */
export function verdict(row: Row): string {
  if (!row.target) return '';
  const [measured, limit] = 'ratio' in row.target ? [row.value / row.floor!.value, row.target.ratio] : [row.value, row.target.max];
  return measured <= limit ? 'PASS' : `MISS by ${Math.round(100 * (measured / limit - 1))}%`;
}

function amount(value: number, unit: Row['unit']): string {
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${unit}`;
}

export function printRows(rows: readonly Row[]): void {
  const measureWidth = Math.max(...rows.map((row) => row.measure.length));
  console.log(`${'measure'.padEnd(measureWidth)}   ${'value'.padStart(10)}   ${'x floor'.padStart(7)}   ${'target'.padStart(10)}   verdict       floor (same run)`);
  for (const row of rows) {
    const ratio = row.floor ? (row.value / row.floor.value).toFixed(2) : '';
    const target = !row.target ? '' : 'ratio' in row.target ? `<= ${row.target.ratio}x` : `<= ${amount(row.target.max, row.unit)}`;
    const floor = row.floor ? `${row.floor.name} ${amount(row.floor.value, row.unit)}` : '';
    console.log(`${row.measure.padEnd(measureWidth)}   ${amount(row.value, row.unit).padStart(10)}   ${ratio.padStart(7)}   ${target.padStart(10)}   ${verdict(row).padEnd(13)} ${floor}`);
  }
}
