// Runs decay sweeps for the language server (workspace/executeCommand), one at a time, in the
// runtime's worker processes, with LSP work-done progress that the user can cancel; keeps each
// document's results for its code lenses and inlay hints.
import { runSweep, SweepCancelledError } from '@decay-lens/runtime';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { SweepFinishedNotification, type RunSweepArguments, type SweepOutcome } from '../protocol';
import { describeOutcome, planSweep, type SweepSettings } from './sweepPlanner';
import type { StoredSweep } from './sweepLenses';
import type { SweepPlace } from './sweepPlaces';

export class SweepService {
  private readonly stored = new Map<string, StoredSweep[]>();
  private running = false;

  constructor(
    private readonly connection: Connection,
    /** Called when results change, so clients refresh lenses and hints. */
    private readonly onResultsChanged: () => void,
  ) {}

  storedFor(uri: string): StoredSweep[] {
    return this.stored.get(uri) ?? [];
  }

  /** Sweeps the place at or nearest above `line`; null when there is none or the user cancelled. */
  async run(args: RunSweepArguments, places: readonly SweepPlace[], lines: readonly string[], settings: SweepSettings, token: CancellationToken): Promise<SweepOutcome | null> {
    const place = nearestPlace(places, args.uri, args.line);
    if (!place) {
      void this.connection.window.showInformationMessage('Decay Lens: no weight decay or optimizer here to sweep.');
      return null;
    }
    if (this.running) {
      void this.connection.window.showInformationMessage('Decay Lens: a sweep is already running; cancel it or wait for it.');
      return null;
    }
    this.running = true;
    const planned = planSweep(place, settings);
    const progress = await this.connection.window.createWorkDoneProgress();
    const abort = new AbortController();
    const cancelled = [progress.token.onCancellationRequested(() => abort.abort()), token.onCancellationRequested(() => abort.abort())];
    const specs = planned.decoupledSpec ? [planned.spec, planned.decoupledSpec] : [planned.spec];
    progress.begin('Decay sweep', 0, `${planned.spec.decayValues.length} decay values, ${planned.spec.steps} steps`, true);
    try {
      const results = [];
      for (const [index, spec] of specs.entries()) {
        const label = specs.length > 1 ? `${spec.optimizer.kind === 'adamw' ? 'AdamW (decoupled)' : 'Adam + L2 (coupled)'}: ` : '';
        results.push(
          await runSweep(spec, {
            signal: abort.signal,
            onProgress: ({ step, steps }) =>
              progress.report(Math.round((100 * (index + step / steps)) / specs.length), `${label}step ${step} of ${steps}`),
          }),
        );
      }
      const [result, decoupled] = results;
      const outcome: SweepOutcome = { uri: place.uri, line: place.line, result, decoupled, ...describeOutcome(place, planned, result, decoupled) };
      const others = this.storedFor(place.uri).filter((sweep) => sweep.place.line !== place.line);
      this.stored.set(place.uri, [...others, { outcome, place, anchorText: lines[place.line] ?? '' }]);
      void this.connection.sendNotification(SweepFinishedNotification.type, outcome);
      this.onResultsChanged();
      return outcome;
    } catch (error) {
      if (error instanceof SweepCancelledError) void this.connection.window.showInformationMessage('Decay sweep cancelled.');
      else void this.connection.window.showErrorMessage(`Decay sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    } finally {
      cancelled.forEach((listener) => listener.dispose());
      progress.done();
      this.running = false;
    }
  }
}

function nearestPlace(places: readonly SweepPlace[], uri: string, line: number): SweepPlace | undefined {
  let best: SweepPlace | undefined;
  for (const place of places) {
    if (place.uri !== uri || place.line > line) continue;
    if (!best || place.line > best.line) best = place;
  }
  return best ?? places.find((place) => place.uri === uri);
}
