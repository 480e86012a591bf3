// What finished sweeps show in the editor: the code lens headline over their place, and after
// each decay line an inlay hint with that line's figures (its tooltip the whole table). A result
// turns stale once the text of its place changes.
import { InlayHintKind, MarkupKind, type CodeLens, type InlayHint } from 'vscode-languageserver';
import type { SweepRun } from '@decay-lens/runtime';
import { RUN_SWEEP_COMMAND, type RunSweepArguments, type SweepOutcome } from '../protocol';
import { formatNumber } from '../rules/describe';
import type { SweepPlace } from './sweepPlaces';

export interface StoredSweep {
  outcome: SweepOutcome;
  place: SweepPlace;
  /** The place's line when the sweep ran: a different text now means the result is stale. */
  anchorText: string;
}

export function isStale(stored: StoredSweep, lines: readonly string[]): boolean {
  return lines[stored.place.line] !== stored.anchorText;
}

export function sweepCodeLenses(places: readonly SweepPlace[], stored: readonly StoredSweep[], lines: readonly string[]): CodeLens[] {
  return places.map((place) => {
    const done = stored.find((sweep) => sweep.place.line === place.line);
    const title = !done ? 'Run decay sweep' : isStale(done, lines) ? `${done.outcome.headline} (stale: code changed; run again)` : done.outcome.headline;
    const args: RunSweepArguments = { uri: place.uri, line: place.line };
    return {
      range: { start: { line: place.line, character: place.range.startColumn }, end: { line: place.line, character: place.range.startColumn } },
      command: { title, command: RUN_SWEEP_COMMAND, arguments: [args] },
    };
  });
}

export function sweepInlayHints(stored: readonly StoredSweep[], uri: string, lines: readonly string[]): InlayHint[] {
  const hints: InlayHint[] = [];
  const seen = new Set<number>();
  for (const sweep of stored) {
    const stale = isStale(sweep, lines);
    const runs = sweep.outcome.result.runs;
    const baseline = runs.find((run) => run.decay === 0);
    for (const decayLine of sweep.place.decayLines) {
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

/** `wd=0.004: val 0.52, |W| 3.1` (first-layer kernel norm). */
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
    const accuracy = last?.accuracy != null ? `${(last.accuracy * 100).toFixed(1)}%` : '';
    return `| ${formatNumber(run.decay)}${best} | ${last?.loss?.toFixed(3) ?? ''} | ${accuracy} | ${last?.weightNorms.map((n) => n?.toFixed(2)).join(' ') ?? ''} |`;
  });
  const spec = outcome.result.spec;
  return [
    `**${outcome.headline}**`,
    '',
    `MLP ${spec.layers.join('-')} ${spec.activation}, ${spec.optimizer.kind} lr=${spec.learningRate}, ${spec.steps} steps`,
    '',
    '| wd | val loss | val acc | \\|W\\| per layer |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
