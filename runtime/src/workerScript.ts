// Where a worker's code is: the bundle next to the calling code when running from dist/, or the
// TypeScript source beside it when running from source (tests, through tsx).
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface WorkerScript {
  path: string;
  /** A .ts file: the worker must load tsx first. */
  fromSource: boolean;
}

/** `callerDir` is the caller's `__dirname`: dist/ in a bundle, the source folder otherwise. */
export function workerScript(callerDir: string, bundleName: string, sourceName: string): WorkerScript {
  const bundled = path.join(callerDir, bundleName);
  if (existsSync(bundled)) return { path: bundled, fromSource: false };
  return { path: path.join(callerDir, sourceName), fromSource: true };
}
