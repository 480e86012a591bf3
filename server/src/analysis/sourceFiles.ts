// Reading source files safely: every reason a file is not analysed is a message, never a throw.
import { promises as fs } from 'node:fs';

/** Files larger than this are skipped (documented in docs/user-guide.md). */
export const MAX_FILE_BYTES = 1024 * 1024;

export type SourceText = { text: string } | { skipped: string };

/** Why an in-memory text cannot be analysed, or undefined when it can. */
export function unanalysableReason(text: string): string | undefined {
  if (text.length > MAX_FILE_BYTES) {
    return `larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit`;
  }
  if (text.includes('\0')) return 'binary file (contains NUL bytes)';
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export async function readSourceFile(path: string): Promise<SourceText> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return { skipped: 'not a regular file' };
    size = stat.size;
  } catch (error) {
    return { skipped: `cannot read: ${describeFsError(error)}` };
  }
  if (size > MAX_FILE_BYTES) {
    return { skipped: `larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit (${size} bytes)` };
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    return { skipped: `cannot read: ${describeFsError(error)}` };
  }
  if (bytes.includes(0)) return { skipped: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
