// Runs decay sweeps for the language server (workspace/executeCommand), one at a time, in the
// runtime's worker processes, with LSP work-done progress that the user can cancel; keeps each
// document's results for its code lenses and inlay hints.
import { runSweep, SweepCancelledError } from '@decay-lens/runtime';
import { describeModel, seedCount, type SweepSpec } from '@decay-lens/runtime/spec';
import { MessageType, ShowMessageNotification, type CancellationToken, type Connection } from 'vscode-languageserver';
import { SweepFinishedNotification, type RunSweepArguments, type SweepOutcome } from '../protocol';
import { describeOutcome, planSweep, type SweepSettings } from './sweepPlanner';
import { placeKey, type StoredSweep } from './sweepLenses';
import type { SweepPlace } from './sweepPlaces';

/** Steps above this are capped: a repository's settings must not start a day-long sweep. */
export const MAX_SWEEP_STEPS = 100_000;

export class SweepService {
  private stored: StoredSweep[] = [];
  private running = false;

  constructor(
    private readonly connection: Connection,
    /** Called when results change, so clients refresh lenses and hints. */
    private readonly onResultsChanged: () => void,
  ) {}

  /** Every finished sweep, newest last (lenses and hints match them to the current places). */
  all(): readonly StoredSweep[] {
    return this.stored;
  }

  /** A notification, not window/showMessageRequest: clients need not answer it. */
  private tell(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  /** Sweeps the place at or nearest above `line`; null when there is none or the user cancelled. */
  async run(args: RunSweepArguments, places: readonly SweepPlace[], lines: readonly string[], settings: SweepSettings, token: CancellationToken): Promise<SweepOutcome | null> {
    const place = nearestPlace(places, args.uri, args.line);
    if (!place) {
      this.tell(MessageType.Info, 'Decay Lens: no weight decay or optimizer here to sweep.');
      return null;
    }
    if (settings.problems) {
      this.tell(MessageType.Error, `Decay sweep not run: ${settings.problems.join('; ')}.`);
      return null;
    }
    if (this.running) {
      this.tell(MessageType.Info, 'Decay Lens: a sweep is already running; cancel it or wait for it.');
      return null;
    }
    this.running = true;
    const planned = planSweep(place, { ...settings, steps: settings.steps === undefined ? undefined : Math.min(settings.steps, MAX_SWEEP_STEPS) });
    const abort = new AbortController();
    const listeners = [token.onCancellationRequested(() => abort.abort())];
    let progress: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | undefined;
    const specs = planned.decoupledSpec ? [planned.spec, planned.decoupledSpec] : [planned.spec];
    try {
      progress = await this.connection.window.createWorkDoneProgress();
      listeners.push(progress.token.onCancellationRequested(() => abort.abort()));
      // Each report replaces the message shown: every one says what trains.
      const training = whatTrains(planned.spec);
      progress.begin('Decay sweep', 0, `${training} x ${planned.spec.steps} steps`, true);
      const results = [];
      for (const [index, spec] of specs.entries()) {
        const label = specs.length > 1 ? `${spec.optimizer.kind === 'adamw' ? 'AdamW (decoupled)' : 'Adam + L2 (coupled)'}: ` : '';
        results.push(
          await runSweep(spec, {
            signal: abort.signal,
            onProgress: ({ step, steps }) =>
              progress?.report(Math.round((100 * (index + step / steps)) / specs.length), `${training} · ${label}step ${step} of ${steps}`),
          }),
        );
      }
      const [result, decoupled] = results;
      const outcome: SweepOutcome = { uri: place.uri, line: place.line, result, decoupled, ...describeOutcome(place, planned, result, decoupled) };
      const key = placeKey(place, lines);
      this.stored = [...this.stored.filter((sweep) => sweep.key !== key), { outcome, place, key }];
      void this.connection.sendNotification(SweepFinishedNotification.type, outcome);
      this.onResultsChanged();
      return outcome;
    } catch (error) {
      if (error instanceof SweepCancelledError) this.tell(MessageType.Info, 'Decay sweep cancelled.');
      else this.tell(MessageType.Error, `Decay sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    } finally {
      listeners.forEach((listener) => listener.dispose());
      progress?.done();
      this.running = false;
    }
  }
}

/** `Training 16x16x3 -> conv 3x3x8 same -> ... -> dense 10, relu: 8 decay values x 3 seeds`. */
function whatTrains(spec: SweepSpec): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  // The runtime fits the input and the output layer to the data file once it has read it.
  const fitted = spec.fitLayersToData ? ', input and classes from the data file' : '';
  return `Training ${describeModel(spec)}${fitted}: ${count(spec.decayValues.length, 'decay value')} x ${count(seedCount(spec), 'seed')}`;
}

function nearestPlace(places: readonly SweepPlace[], uri: string, line: number): SweepPlace | undefined {
  let best: SweepPlace | undefined;
  for (const place of places) {
    if (place.uri !== uri || place.line > line) continue;
    if (!best || place.line > best.line) best = place;
  }
  return best ?? places.find((place) => place.uri === uri);
}
