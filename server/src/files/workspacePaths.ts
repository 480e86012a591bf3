// Paths that come from data (workspace settings, sweep spec files) rather than from the user at a
// prompt: a relative one resolves against its folder and may not leave it, so a repository cannot
// point a sweep at `../../home/me/.ssh/id_rsa`. Symbolic links count where they lead.
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

/** `relative` resolved against `root`, or an error message when it leaves `root`. */
export function resolveInside(root: string, relative: string, what: string): { path: string } | { error: string } {
  const resolved = path.resolve(root, relative);
  if (!isInside(root, resolved) || !isInside(realPath(root), realPath(resolved))) {
    return { error: `${what} '${relative}' leaves ${root}; only files inside it can be named this way` };
  }
  return { path: resolved };
}

/** Whether `candidate` is `root` or below it (a folder named `..data` is below). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** `file`'s path relative to `root`, `/`-separated (`.` for `root` itself); undefined when it is not an absolute path inside `root`. */
export function relativePath(file: string, root: string): string | undefined {
  if (!path.isAbsolute(file) || !isInside(root, file)) return undefined;
  const relative = path.relative(root, file);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

/** The path with symbolic links resolved, as far as it exists (a missing file is reported later, when read). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
}
