// Reading source files safely: every reason a file is not analysed is a message, never a throw.
import { MAX_FILE_BYTES, tooLargeReason } from '../analysis/sourceFiles';
import { describeFsError } from './collectFiles';
import { fastFs } from './fastFs';

export type SourceText = { text: string } | { skipped: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** `maxBytes`: a larger limit for files whose analysed text is a small part (notebooks). */
export async function readSourceFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<SourceText> {
  let size: number;
  try {
    const info = await fastFs.stat(path);
    if (!info.isFile()) return { skipped: 'not a regular file' };
    size = info.size;
  } catch (error) {
    return { skipped: `cannot read: ${describeFsError(error)}` };
  }
  if (size > maxBytes) return { skipped: tooLargeReason(size, maxBytes) };
  let bytes: Buffer;
  try {
    bytes = await fastFs.readFile(path);
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
