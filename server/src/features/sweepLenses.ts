// What finished sweeps show in the editor: the code lens headline over their place, and after
// each decay line of the swept flow an inlay hint with that line's figures (its tooltip the whole
// table). Results follow their place when lines move and turn stale when its line changes.
import { InlayHintKind, MarkupKind, type CodeLens, type InlayHint } from 'vscode-languageserver';
import type { Spread, SweepRun } from '@decay-lens/runtime';
import { describeModel, seedCount } from '@decay-lens/runtime/spec';
import { RUN_SWEEP_COMMAND, type RunSweepArguments, type SweepOutcome } from '../protocol';
import { formatNumber } from '../rules/describe';
import type { SweepPlace } from './sweepPlaces';

export interface StoredSweep {
  outcome: SweepOutcome;
  /** The place as it was swept. */
  place: SweepPlace;
  /** Identifies the place across edits that move it: see placeKey. */
  key: string;
}

/** File, kind, collection and the text of its line: survives lines moving, not the line changing. */
export function placeKey(place: SweepPlace, lines: readonly string[]): string {
  return `${place.uri}|${place.kind}|${place.collection}|${(lines[place.line] ?? '').trim()}`;
}

interface Match {
  place: SweepPlace;
  sweep: StoredSweep;
  /** The place's code changed since the sweep. */
  stale: boolean;
}

/**
 * Pairs today's places with finished sweeps: by key, or else (stale) the nearest unmatched sweep
 * of the same file, kind and collection, so an edited line keeps its result, marked stale.
 */
export function matchSweeps(places: readonly SweepPlace[], stored: readonly StoredSweep[], linesOf: (uri: string) => readonly string[]): Match[] {
  const matches: Match[] = [];
  const used = new Set<StoredSweep>();
  const unmatched: SweepPlace[] = [];
  // Both ways of matching need a sweep of the same file: others are skipped, and each file is
  // split into lines once (this runs on every lens and inlay hint request).
  const sweptFiles = new Set(stored.map((sweep) => sweep.place.uri));
  const fileLines = new Map<string, readonly string[]>();
  for (const place of places) {
    if (!sweptFiles.has(place.uri)) continue;
    let lines = fileLines.get(place.uri);
    if (!lines) fileLines.set(place.uri, (lines = linesOf(place.uri)));
    const key = placeKey(place, lines);
    const sweep = stored.find((candidate) => candidate.key === key && !used.has(candidate));
    if (sweep) {
      used.add(sweep);
      matches.push({ place, sweep, stale: false });
    } else unmatched.push(place);
  }
  for (const place of unmatched) {
    let best: StoredSweep | undefined;
    for (const sweep of stored) {
      if (used.has(sweep) || sweep.place.uri !== place.uri || sweep.place.kind !== place.kind || sweep.place.collection !== place.collection) continue;
      if (!best || Math.abs(sweep.place.line - place.line) < Math.abs(best.place.line - place.line)) best = sweep;
    }
    if (best) {
      used.add(best);
      matches.push({ place, sweep: best, stale: true });
    }
  }
  return matches;
}

export function sweepCodeLenses(places: readonly SweepPlace[], matches: readonly Match[]): CodeLens[] {
  return places.map((place) => {
    const match = matches.find((candidate) => candidate.place === place);
    const title = !match ? 'Run decay sweep' : match.stale ? `${match.sweep.outcome.headline} (stale: code changed; run again)` : match.sweep.outcome.headline;
    const args: RunSweepArguments = { uri: place.uri, line: place.line };
    return {
      range: { start: { line: place.line, character: place.range.startColumn }, end: { line: place.line, character: place.range.startColumn } },
      command: { title, command: RUN_SWEEP_COMMAND, arguments: [args] },
    };
  });
}

/** After each decay line in `uri` of a swept flow (wherever the sweep's lens is): that line's figures. */
export function sweepInlayHints(matches: readonly Match[], uri: string, lines: readonly string[]): InlayHint[] {
  const hints: InlayHint[] = [];
  const seen = new Set<number>();
  for (const { place, sweep, stale } of matches) {
    const runs = sweep.outcome.result.runs;
    const baseline = runs.find((run) => run.decay === 0);
    for (const decayLine of place.decayLines) {
      if (decayLine.uri !== uri || seen.has(decayLine.line) || decayLine.line >= lines.length) continue;
      const run = runs.find((candidate) => candidate.decay === (decayLine.decay ?? sweep.outcome.bugCost?.decay));
      if (!run) continue;
      seen.add(decayLine.line);
      const label = `${stale ? '(stale) ' : ''}${figures(run)}${baseline && baseline !== run ? ` (${figures(baseline)})` : ''}`;
      hints.push({
        position: { line: decayLine.line, character: lines[decayLine.line].length },
        label: ` ${label}`,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: sweepTable(sweep.outcome) },
      });
    }
  }
  return hints;
}

/** `1.234 ± 0.021`: a mean over seeds and their standard deviation (the mean alone for one seed). */
function withSpread(mean: number, spread: Spread | undefined, digits: number, scale = 1, unit = ''): string {
  return `${(mean * scale).toFixed(digits)}${unit}${spread?.sd != null ? ` ± ${(spread.sd * scale).toFixed(digits)}${unit}` : ''}`;
}

/**
 * `wd=0.004: val 0.52, |W| 3.1` (means over seeds; first-layer kernel norm). Kept short: the
 * spread is in the lens headline above and in the tooltip's table.
 */
function figures(run: SweepRun): string {
  if (run.divergedAt !== undefined) return `wd=${formatNumber(run.decay)}: diverged at step ${run.divergedAt}`;
  const last = run.evaluations[run.evaluations.length - 1];
  const norm = last?.weightNorms[0];
  return `wd=${formatNumber(run.decay)}: val ${last?.loss?.toFixed(2) ?? '?'}${norm != null ? `, |W| ${norm.toFixed(1)}` : ''}`;
}

export function sweepTable(outcome: SweepOutcome): string {
  const rows = outcome.result.runs.map((run) => {
    const last = run.evaluations[run.evaluations.length - 1];
    const best = outcome.result.best?.decay === run.decay ? ' **best**' : '';
    if (run.divergedAt !== undefined) return `| ${formatNumber(run.decay)} | diverged at step ${run.divergedAt} | | |`;
    const loss = last?.loss != null ? withSpread(last.loss, run.final?.validationLoss, 3) : '';
    const accuracy = last?.accuracy != null ? withSpread(last.accuracy, run.final?.accuracy, 1, 100, '%') : '';
    return `| ${formatNumber(run.decay)}${best} | ${loss} | ${accuracy} | ${last?.weightNorms.map((n) => n?.toFixed(2)).join(' ') ?? ''} |`;
  });
  const spec = outcome.result.spec;
  const seeds = seedCount(spec);
  return [
    `**${outcome.headline}**`,
    '',
    `${describeModel(spec)}, ${spec.optimizer.kind} lr=${spec.learningRate}, ${spec.steps} steps` +
      (seeds > 1 ? `; ${seeds} seeds per decay value, figures are their mean ± standard deviation` : ''),
    '',
    '| wd | val loss | val acc | \\|W\\| per layer |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
