// ruff's WebAssembly build (@astral-sh/ruff-wasm-nodejs, a dev dependency for the benchmarks
// only) as an anchor: another Python linter in WebAssembly, in this same process, on the same
// texts. Its default rules (E4, E7, E9, F).
import { createRequire } from 'node:module';
import type * as RuffWasm from '@astral-sh/ruff-wasm-nodejs';

export interface RuffLinter {
  version: string;
  /** Lints one file's text; returns the number of diagnostics. */
  check(text: string): number;
}

export function ruffLinter(): RuffLinter {
  // Required at run time, not bundled: the package reads its .wasm from its own folder.
  const ruff = createRequire(__filename)('@astral-sh/ruff-wasm-nodejs') as typeof RuffWasm;
  const workspace = new ruff.Workspace(ruff.Workspace.defaultSettings(), ruff.PositionEncoding.Utf16);
  return { version: ruff.Workspace.version(), check: (text) => (workspace.check(text) as unknown[]).length };
}
