// A scratch folder for one test, removed when the test ends however it ends.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';

export function tempFolder(t: TestContext, prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
