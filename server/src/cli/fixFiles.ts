// `check --fix` writing the fixed texts. A file is written only over the text that was analysed:
// one edited since (an editor saved it) is left alone, since its fixes were computed for the old text.
import { describeFsError } from '../files/collectFiles';
import { fastFs } from '../files/fastFs';
import { uriToPath } from '../analysis/fileUris';
import type { FileFixes } from './applyFixes';

const BYTE_ORDER_MARK = '\ufeff';

export interface UnwrittenFile {
  path: string;
  reason: string;
}

/** Writes each file's fixed text; returns the files left as they were, with the reason. */
export async function writeFixedFiles(files: readonly FileFixes[]): Promise<UnwrittenFile[]> {
  const unwritten: UnwrittenFile[] = [];
  for (const { uri, before, after } of files) {
    const path = uriToPath(uri);
    try {
      const current = await fastFs.readFile(path, 'utf8');
      // The analysed text is the file's without its byte order mark (files/sourceFiles.ts); the mark stays.
      const mark = current.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : '';
      if (current.slice(mark.length) !== before) unwritten.push({ path, reason: 'changed since it was read' });
      else await fastFs.writeFile(path, mark + after, 'utf8');
    } catch (error) {
      unwritten.push({ path, reason: describeFsError(error) });
    }
  }
  return unwritten;
}
