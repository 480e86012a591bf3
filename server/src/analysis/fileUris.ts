// File URIs as local paths: string work only (node:url), so the analysis and the rules can name
// files without importing the file-system helpers of files/.
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
