// Which in-memory texts the analysis refuses, and why (files on disk: files/sourceFiles.ts).

/** Files larger than this are skipped (documented in docs/user-guide.md). */
export const MAX_FILE_BYTES = 1024 * 1024;

export function tooLargeReason(bytes: number, limit = MAX_FILE_BYTES): string {
  return `larger than the ${limit / 1024 / 1024} MiB limit (${bytes} bytes)`;
}

/** Why an in-memory text cannot be analysed, or undefined when it can. */
export function unanalysableReason(text: string): string | undefined {
  // UTF-8 is at most 3 bytes per UTF-16 unit: only long texts need the exact count.
  if (text.length * 3 > MAX_FILE_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_FILE_BYTES) return tooLargeReason(bytes);
  }
  if (text.includes('\0')) return 'binary file (contains NUL bytes)';
  return undefined;
}
