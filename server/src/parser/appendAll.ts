/**
 * Appends `items` to `out` in place. `out.push(...items)` passes every item as an argument and
 * overflows the stack at around 100,000 items, which one long file or cell reaches.
 */
export function appendAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}
