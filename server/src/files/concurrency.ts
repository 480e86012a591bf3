// Bounded parallelism for file work, shared by the CLI and the language server.

/** Files read at once: enough to keep the disk busy, far below the open-file limit. */
export const READ_CONCURRENCY = 32;

/** `work` over `items` with at most `limit` running at once; results in the order of `items`. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
