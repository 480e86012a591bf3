// Seeds and spread where results are shown: the lens headline's figures (mean ± standard deviation)
// and its "within noise" rule, the hover table, the CLI table, and the chart's spread bands and
// error bars (chartData.ts, and chart.js drawing them), all from constructed results whose spreads
// are computed here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { isSweepChart, toSweepChart } from '../../client/src/chartData';
import { mergeSweepParts } from '../../runtime/src/sweep/mergeParts';
import { combineSeeds } from '../../runtime/src/sweep/seedStats';
import { defaultSpec, type SweepSpec } from '../../runtime/src/sweep/spec';
import type { SeedRun, SweepRun } from '../../runtime/src/train/trainer';
import type { SweepResult } from '../../runtime/src';
import { formatSweepTable } from '../../server/src/cli/sweep';
import { sweepTable } from '../../server/src/features/sweepLenses';
import { describeOutcome, type PlannedSweep } from '../../server/src/features/sweepPlanner';
import type { SweepPlace } from '../../server/src/features/sweepPlaces';
import type { SweepOutcome } from '../../server/src/protocol';

const STEPS = 4;

/** One seed's training ending at `finalLoss` (accuracy 1 - loss / 2), its curves shifted by the same amount. */
function seedRun(seed: number, finalLoss: number): SeedRun {
  const shift = finalLoss - 1;
  return {
    seed,
    trainLoss: [2, 1.5, 1.2, 1].map((v) => v + shift),
    evaluations: [
      { step: 0, loss: 2.3, accuracy: 0.1, weightNorms: [3, 4] },
      { step: 2, loss: 1.5 + shift, accuracy: 0.4, weightNorms: [2.5 + shift, 3] },
      { step: 4, loss: finalLoss, accuracy: 1 - finalLoss / 2, weightNorms: [2 + shift, 2] },
    ],
  };
}

/** A result whose decay values end at these final losses, one per seed, merged as runSweep merges. */
function resultOf(finals: Record<number, number[]>, overrides: Partial<SweepSpec> = {}): SweepResult {
  const decays = Object.keys(finals).map(Number).sort((a, b) => a - b);
  const seeds = finals[decays[0]].length;
  const spec = defaultSpec({ decayValues: decays, steps: STEPS, evaluateEvery: 2, seeds, ...overrides });
  const runs: SweepRun[] = decays.map((decay) => combineSeeds(decay, finals[decay].map((loss, i) => seedRun(spec.seed + 1000 * i, loss))));
  return mergeSweepParts(spec, [{ task: 'classification', layers: spec.layers, runs, timings: { sessionMs: 1, trainMs: 1 } }], 2);
}

/** The sample standard deviation, computed here. */
function sd(values: number[]): number {
  const mean = values.reduce((a, b) => a + b) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
}

const place = (reachesLoss: boolean): SweepPlace => ({
  uri: 'file:///w/train.py',
  line: 4,
  range: { startLine: 4, startColumn: 0, endLine: 4, endColumn: 10 },
  kind: 'source',
  decay: 0.01,
  shapes: [],
  reachesLoss,
  collection: 'losses',
  decayLines: [],
});
const planned = { intendedDecay: 0.01 } as PlannedSweep;

test('headline for decay that never reaches the loss: mean ± sd of both, the cost when the difference exceeds the noise', () => {
  const written = [0.74, 0.75, 0.76];
  const intended = [0.49, 0.5, 0.51];
  const outcome = describeOutcome(place(false), planned, resultOf({ 0: written, 0.01: intended }));
  assert.equal(
    outcome.headline,
    'Decay sweep: as written (no decay reaches the loss) val 0.75 ± 0.01 · as intended (wd=0.01) val 0.50 ± 0.01 · the bug costs +50% validation loss',
  );
  assert.deepEqual(outcome.bugCost, { asWritten: 0.75, asIntended: 0.5, decay: 0.01 });
});

test('"within noise": a difference smaller than sqrt(sd_written^2 + sd_intended^2)', () => {
  // sd 0.05 each: the noise of the difference is 0.0707. 0.02 apart is within it, 0.08 apart is not.
  const written = [0.7, 0.75, 0.8];
  assert.ok(Math.abs(sd(written) - 0.05) < 1e-12);
  const close = describeOutcome(place(false), planned, resultOf({ 0: written, 0.01: [0.68, 0.73, 0.78] }));
  assert.match(close.headline, /val 0\.75 ± 0\.05 · as intended \(wd=0\.01\) val 0\.73 ± 0\.05 · the difference \(\+3%\) is within noise$/);
  const apart = describeOutcome(place(false), planned, resultOf({ 0: written, 0.01: [0.62, 0.67, 0.72] }));
  assert.match(apart.headline, / · the bug costs \+12% validation loss$/);
  // Just outside: 0.071 apart against 0.0707.
  const edge = describeOutcome(place(false), planned, resultOf({ 0: written, 0.01: [0.629, 0.679, 0.729] }));
  assert.match(edge.headline, /the bug costs/);
  // One seed has no spread: never "within noise", and no ±.
  const single = describeOutcome(place(false), planned, resultOf({ 0: [0.75], 0.01: [0.74] }));
  assert.equal(single.headline, 'Decay sweep: as written (no decay reaches the loss) val 0.75 · as intended (wd=0.01) val 0.74 · the bug costs +1% validation loss');
});

test('headline for the best decay and for Adam + L2 against AdamW: mean ± sd, "within noise" when the spreads cover the gap', () => {
  const apart = describeOutcome(place(true), planned, resultOf({ 0: [0.9, 1, 1.1], 0.01: [0.5, 0.55, 0.6] }));
  assert.equal(apart.headline, 'Decay sweep: best wd=0.01 · val 0.55 ± 0.05 vs 1.00 ± 0.10 at wd=0');
  const close = describeOutcome(place(true), planned, resultOf({ 0: [0.9, 1, 1.1], 0.01: [0.85, 0.95, 1.05] }));
  assert.equal(close.headline, 'Decay sweep: best wd=0.01 · val 0.95 ± 0.10 vs 1.00 ± 0.10 at wd=0 · within noise');
  const coupled = resultOf({ 0: [1, 1.1, 1.2], 0.01: [0.8, 0.85, 0.9] });
  const decoupled = resultOf({ 0: [1, 1.1, 1.2], 0.01: [0.78, 0.83, 0.88] });
  assert.equal(
    describeOutcome(place(true), planned, coupled, decoupled).headline,
    'Decay sweep: Adam + L2 (coupled, as written) best val 0.85 ± 0.05 at wd=0.01 · AdamW (decoupled) best val 0.83 ± 0.05 at wd=0.01 · within noise',
  );
  const better = resultOf({ 0: [1, 1.1, 1.2], 0.01: [0.5, 0.55, 0.6] });
  assert.doesNotMatch(describeOutcome(place(true), planned, coupled, better).headline, /within noise/);
});

test('the hover table and the CLI table show mean ± sd per decay value; the CLI says within noise', () => {
  const result = resultOf({ 0: [0.9, 1, 1.1], 0.01: [0.85, 0.95, 1.05] });
  const table = sweepTable({ uri: 'file:///w/train.py', line: 4, headline: 'H', result });
  assert.match(table, /3 seeds per decay value, figures are their mean ± standard deviation/);
  assert.match(table, /\| 0 \| 1\.000 ± 0\.100 \| 50\.0% ± 5\.0% \|/);
  assert.match(table, /\| 0\.01 \*\*best\*\* \| 0\.950 ± 0\.100 \| 52\.5% ± 5\.0% \|/);
  const cli = formatSweepTable(result);
  assert.match(cli, /3 seeds from 1 \(mean ± standard deviation\)$/m);
  assert.match(cli, /^\*\s+0\.01\s+0\.950\s+0\.950 ± 0\.100\s+52\.5% ± 5\.0%/m);
  assert.match(cli, /^Best: wd=0\.01, validation loss 0\.950 ± 0\.100 vs 1\.000 ± 0\.100 without decay \(-5%, within noise\)\.$/m);
  assert.match(cli, /^Trained 2 decay values x 3 seeds x 4 steps/m);
  assert.match(formatSweepTable(resultOf({ 0: [0.9, 1, 1.1], 0.01: [0.5, 0.55, 0.6] })), /without decay \(-45%\)\.$/m);
});

const outcomeOf = (result: SweepResult, bugCost?: SweepOutcome['bugCost']): SweepOutcome => ({ uri: 'file:///w/train.py', line: 4, headline: 'H', bugCost, result });

test('chart data: each run\'s band is its mean ± the standard deviation of its seeds at every point; final losses get their sd', () => {
  const finals = { 0: [0.9, 1, 1.1], 0.01: [0.5, 0.55, 0.6] };
  const result = resultOf(finals);
  const chart = toSweepChart(outcomeOf(result));
  assert.ok(isSweepChart(JSON.parse(JSON.stringify(chart))));
  result.runs.forEach((run, i) => {
    const band = chart.validationLoss.bands![i]!;
    chart.validationLoss.x.forEach((step, j) => {
      const values = run.seeds!.map((seed) => seed.evaluations.find((e) => e.step === step)!.loss!);
      const mean = values.reduce((a, b) => a + b) / values.length;
      assert.ok(Math.abs(band.lower[j]! - (mean - sd(values))) < 1e-12 && Math.abs(band.upper[j]! - (mean + sd(values))) < 1e-12, `run ${i} step ${step}`);
    });
    // Training loss: per step here (4 steps, no downsampling), the seeds' spread.
    const trainSd = sd(run.seeds!.map((seed) => seed.trainLoss[3]!));
    assert.ok(Math.abs(chart.trainLoss.bands![i]!.upper[3]! - (run.trainLoss[3]! + trainSd)) < 1e-12);
    assert.ok(chart.weightNorm.bands![i]);
    assert.equal(chart.runs[i].seeds, 3);
    assert.ok(Math.abs(chart.runs[i].finalLossSd! - sd(finals[run.decay as 0 | 0.01])) < 1e-12);
  });
  assert.deepEqual(chart.finalLoss.sd, [chart.runs[1].finalLossSd]);
  assert.equal(chart.finalLoss.noDecay?.sd, chart.runs[0].finalLossSd);
  assert.match(chart.description, /3 seeds from 1: lines are their mean, bands and bars ± one standard deviation/);
  // Damaged bands are refused; a chart from before seeds (no bands) is still accepted.
  const state = JSON.parse(JSON.stringify(chart));
  assert.ok(!isSweepChart({ ...state, validationLoss: { ...state.validationLoss, bands: [null] } }));
  assert.ok(!isSweepChart({ ...state, finalLoss: { ...state.finalLoss, sd: [1, 2] } }));
  const { bands: _bands, ...noBands } = state.validationLoss;
  assert.ok(isSweepChart({ ...state, validationLoss: noBands }));
  // One seed: no bands.
  assert.deepEqual(toSweepChart(outcomeOf(resultOf({ 0: [1], 0.01: [0.5] }))).validationLoss.bands, [null, null]);
});

test('chart bug cost: both figures with their spread, and "within noise" when the difference is smaller', () => {
  const apart = toSweepChart(outcomeOf(resultOf({ 0: [0.74, 0.75, 0.76], 0.01: [0.49, 0.5, 0.51] }), { asWritten: 0.75, asIntended: 0.5, decay: 0.01 }));
  assert.match(apart.bugCost!, /final validation loss 0\.750 ± 0\.010 instead of 0\.500 ± 0\.010 with wd=0\.01 applied \(\+50%\)\.$/);
  const close = toSweepChart(outcomeOf(resultOf({ 0: [0.7, 0.75, 0.8], 0.01: [0.68, 0.73, 0.78] }), { asWritten: 0.75, asIntended: 0.73, decay: 0.01 }));
  assert.match(close.bugCost!, /0\.750 ± 0\.050 instead of 0\.730 ± 0\.050 with wd=0\.01 applied \(\+3%, within noise: the seeds of each spread further than that\)\.$/);
});

/** chart.js in a vm with stand-ins for the DOM and uPlot; returns each plot's options so their draw hooks can run against a recording canvas. */
function loadWebview() {
  const plots: { options: { hooks?: Record<string, ((u: unknown) => void)[]> } }[] = [];
  let onMessage: ((event: { data: unknown }) => void) | undefined;
  const element = (): Record<string, unknown> => ({
    getContext: () => ({}),
    classList: { contains: () => false },
    append: () => undefined,
    replaceChildren: () => undefined,
    style: {},
    clientWidth: 600,
  });
  const context = {
    acquireVsCodeApi: () => ({ getState: () => undefined, setState: () => undefined, postMessage: () => undefined }),
    document: { getElementById: element, createElement: element, documentElement: element(), body: element() },
    window: { addEventListener: (type: string, listener: typeof onMessage) => (type === 'message' ? (onMessage = listener) : undefined) },
    ResizeObserver: class {
      observe() {}
      disconnect() {}
    },
    MutationObserver: class {
      observe() {}
    },
    getComputedStyle: () => ({ getPropertyValue: () => '' }),
    requestAnimationFrame: () => 1,
    uPlot: Object.assign(
      class {
        constructor(options: (typeof plots)[number]['options']) {
          plots.push({ options });
        }
        destroy() {}
      },
      { pxRatio: 1 },
    ),
  };
  const file = path.resolve(__dirname, '..', '..', 'client', 'media', 'chart.js');
  runInNewContext(readFileSync(file, 'utf8'), context, { filename: file });
  return { plots, post: (data: unknown) => onMessage!({ data }) };
}

test('the webview draws the bands under the lines and an error bar per decay value', () => {
  const webview = loadWebview();
  const chart = JSON.parse(JSON.stringify(toSweepChart(outcomeOf(resultOf({ 0: [0.9, 1, 1.1], 0.01: [0.5, 0.55, 0.6], 0.1: [0.7, 0.8, 0.9] })))));
  webview.post({ type: 'show', chart });
  assert.equal(webview.plots.length, 4);
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => (key in target ? target[key] : (...args: unknown[]) => void calls.push(`${key}(${args.length})`)),
    set: (target, key: string, value) => ((target[key] = value), true),
  });
  const u = { ctx, valToPos: (v: number) => v, bbox: { left: 0, top: 0, width: 100, height: 100 } };
  const [train, validation, norm, final] = webview.plots.map((plot) => plot.options.hooks!);
  for (const hooks of [train, validation, norm]) {
    calls.length = 0;
    hooks.drawAxes[0](u);
    // One filled polygon per run (three runs, no gaps).
    assert.equal(calls.filter((call) => call === 'fill(0)').length, 3);
  }
  calls.length = 0;
  final.draw[0](u);
  // The wd=0 band, and a bar (moveTo, lineTo, stroke) for each positive decay value.
  assert.equal(calls.filter((call) => call === 'fillRect(4)').length, 1);
  assert.ok(calls.filter((call) => call === 'stroke(0)').length >= 2);
});
