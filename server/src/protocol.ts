// Decay Lens' additions to LSP, shared by the server and the VS Code client (which imports this
// file as `@decay-lens/server/protocol`, its only export). Every message is documented in docs/protocol.md.
import { NotificationType } from 'vscode-languageserver-protocol';
import type { SweepResult } from '@decay-lens/runtime';

/** The TypeScript/JavaScript extensions the server analyses: the client watches them (with `.py`). */
export { SCRIPT_EXTENSIONS } from './analysis/sourceLanguage';

/**
 * Node options the server is started with (`node FLAGS dist/server.js --stdio`). A 4 MB young
 * generation instead of V8's 16 MB: the server holds many small long-lived IR objects, and its
 * resident memory after indexing 1,000 files drops from ~146 to ~129 MB with no slower indexing
 * (bench/workspace.bench.ts). V8 reads it at start-up only, so the launcher passes it.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * `workspace/executeCommand` (client -> server): runs a decay sweep for the code at `line` of
 * `uri` (the nearest sweep place at or above it). Code lenses carry it; any client can send it.
 * The server reports progress with `window/workDoneProgress` (cancellable) and answers with a
 * `SweepOutcome`, or null when there is nothing to sweep at that place.
 */
export const RUN_SWEEP_COMMAND = 'decayLens.runSweep';

export interface RunSweepArguments {
  uri: string;
  line: number;
}

export interface SweepOutcome {
  uri: string;
  /** Line of the place the sweep is about (its code lens). */
  line: number;
  /** One line for the lens: `Decay sweep: best wd=0.004 · val 0.52 vs 0.71 at wd=0`. */
  headline: string;
  /** When the decay there never reaches the loss: what training without it costs. */
  bugCost?: { asWritten: number | null; asIntended: number | null; decay: number };
  result: SweepResult;
  /** Under Adam, where the code's L2 is coupled: the same sweep with decoupled decay (AdamW). */
  decoupled?: SweepResult;
}

/** Server -> client: a sweep finished (the chart panel shows the latest). */
export namespace SweepFinishedNotification {
  export const method = 'decayLens/sweepFinished';
  export const type = new NotificationType<SweepOutcome>(method);
}
