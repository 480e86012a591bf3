// Permission checks in tests that may run as root (CI does): root reads any file whatever its
// mode, so a child process that must meet an unreadable file runs as the user nobody instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './cli';

const NOBODY = { uid: 65534, gid: 65534 };

export interface ChildIdentity {
  uid?: number;
  gid?: number;
}

let cached: ChildIdentity | string | undefined;

/**
 * Spawn options under which file modes apply to a child: none when the tests do not run as root,
 * the user nobody when they do. A string says why neither works here (nobody cannot run node or
 * read this checkout). Folders the child must read need modes that let others in (0755).
 */
export function unprivileged(): ChildIdentity | string {
  if (cached !== undefined) return cached;
  if (process.getuid?.() !== 0) return (cached = {});
  const probe = spawnSync(process.execPath, ['-e', 'require("node:fs").readFileSync(process.argv[1])', path.join(ROOT, 'package.json')], {
    ...NOBODY,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.error || probe.status !== 0) {
    return (cached = `running as root, and the user nobody cannot run node or read ${ROOT}: ${probe.error?.message ?? probe.stderr.trim()}`);
  }
  return (cached = NOBODY);
}
