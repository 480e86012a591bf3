// How files are named in the output: relative to the working folder when inside it.
import { uriToPath } from '../analysis/fileUris';
import { relativePath } from '../files/workspacePaths';

/** How a file is named in text and JSON output: relative to `cwd` when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  return relativePath(absolute, cwd) ?? absolute;
}

export function displayUri(uri: string, cwd: string): string {
  return displayPath(uriToPath(uri), cwd);
}
