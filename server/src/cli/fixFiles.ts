// `check --fix` writing the fixed texts. A file is written only over the text that was analysed:
// one edited since (an editor saved it) is left alone, since its fixes were computed for the old text.
import { uriToPath } from '../analysis/fileUris';
import { fastFs } from '../files/fastFs';
import { describeFsError } from '../files/regularFile';
import { encodeText, readSourceFile } from '../files/sourceFiles';
import type { FileFixes } from './applyFixes';

export interface UnwrittenFile {
  path: string;
  reason: string;
}

/** Writes each file's fixed text in the encoding it was read in; returns the files left as they were, with the reason. */
export async function writeFixedFiles(files: readonly FileFixes[]): Promise<UnwrittenFile[]> {
  const unwritten: UnwrittenFile[] = [];
  for (const { uri, before, after } of files) {
    const path = uriToPath(uri);
    const current = await readSourceFile(path);
    if ('skipped' in current) {
      unwritten.push({ path, reason: current.skipped });
      continue;
    }
    if (current.text !== before) {
      unwritten.push({ path, reason: 'changed since it was read' });
      continue;
    }
    try {
      await fastFs.writeFile(path, encodeText(after, current.encoding));
    } catch (error) {
      unwritten.push({ path, reason: describeFsError(error) });
    }
  }
  return unwritten;
}
