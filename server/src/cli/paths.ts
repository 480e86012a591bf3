// How files are named in the output: relative to the working folder when inside it.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The local path of a file: URI; any other URI is returned unchanged. */
export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** `cwd`-relative path with forward slashes when the file is inside `cwd`, otherwise undefined. */
export function relativePath(absolute: string, cwd: string): string | undefined {
  if (!path.isAbsolute(absolute)) return undefined;
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** How a file is named in text and JSON output: relative to `cwd` when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  return relativePath(absolute, cwd) ?? absolute;
}

export function displayUri(uri: string, cwd: string): string {
  return displayPath(uriToPath(uri), cwd);
}
