// The sweep chart's data (client/src/chartData.ts): downsampling, colours, the log-axis handling of
// wd=0, diverged runs, and the shape check the panel applies to restored state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Script } from 'node:vm';
import {
  combinedNorm,
  downsample,
  fileName,
  formatDecay,
  isSweepChart,
  MAX_POINTS,
  PALETTE,
  robustRange,
  runStyle,
  runStyles,
  spansDecade,
  toSweepChart,
} from '../../client/src/chartData';
import type { SweepOutcome } from '../../server/src/protocol';
import type { SweepRun } from '../../runtime/src/train/trainer';
import { defaultSpec } from '../../runtime/src/sweep/spec';

const STEPS = 1000;

function run(decay: number, divergedAt?: number): SweepRun {
  const loss = (step: number) => (divergedAt !== undefined && step > divergedAt ? null : 2 / (1 + step * (0.01 + decay)) + decay);
  const evaluations = [0, 250, 500, 750, 1000].map((step) => ({
    step,
    loss: divergedAt !== undefined && step >= divergedAt ? null : loss(step),
    accuracy: 0.5,
    weightNorms: divergedAt !== undefined && step >= divergedAt ? [null, null] : [3, 4],
  }));
  return { decay, trainLoss: Array.from({ length: STEPS }, (_, i) => loss(i + 1)), evaluations, ...(divergedAt !== undefined ? { divergedAt } : {}) };
}

function outcome(decays: number[], diverge: Record<number, number> = {}): SweepOutcome {
  const runs = decays.map((decay) => run(decay, diverge[decay]));
  return {
    uri: 'file:///home/me/my%20project/train.py',
    line: 41,
    headline: 'Decay sweep: best wd=0.01 · val 0.52 vs 0.71 at wd=0',
    bugCost: { asWritten: 0.75, asIntended: 0.5, decay: 0.01 },
    result: {
      spec: defaultSpec({ decayValues: decays, steps: STEPS }),
      task: 'classification',
      runs,
      best: { decay: 0.01, validationLoss: 0.5 },
      noDecay: { validationLoss: 0.75 },
      timings: { sessionMs: 1, trainMs: 1, totalMs: 2 },
    },
  };
}

test('downsample keeps at most MAX_POINTS points, averaging buckets and keeping gaps', () => {
  const values = Array.from({ length: 1001 }, (_, i) => (i >= 899 ? null : i + 1));
  const { x, y, every } = downsample(values);
  assert.equal(every, 3);
  assert.ok(x.length <= MAX_POINTS);
  assert.deepEqual([x[0], y[0]], [2, 2]); // steps 1..3, mean 2
  assert.equal(y[y.length - 1], null);
  assert.equal(y[299], 898.5); // steps 898..900: 898 and 899 have values, 900 is null
  assert.deepEqual(downsample([1, null, 3], 500), { x: [1, 2, 3], y: [1, null, 3], every: 1 });
  assert.deepEqual(downsample([]), { x: [], y: [], every: 1 });
});

test('small helpers: file names, decay values, norms, styles', () => {
  assert.equal(fileName('file:///home/me/my%20project/train.py'), 'train.py');
  assert.equal(fileName('untitled:Untitled-1'), 'Untitled-1');
  assert.equal(formatDecay(0.0030000001), '0.003');
  assert.equal(formatDecay(1e-5), '0.00001');
  assert.equal(combinedNorm([3, 4]), 5);
  assert.equal(combinedNorm([3, null]), null);
  assert.deepEqual(runStyle(0), { colorVar: PALETTE[0], dash: [] });
  assert.equal(runStyle(PALETTE.length).colorVar, PALETTE[0]);
  assert.notDeepEqual(runStyle(PALETTE.length).dash, []);
  assert.deepEqual(runStyles([0.1, 0, 0.01]).map((s) => s.colorVar), [PALETTE[0], '--vscode-editor-foreground', PALETTE[1]]);
  assert.ok(spansDecade([[2, 0.1]], [false]));
  assert.ok(!spansDecade([[2, 0.5], [1, 1000]], [false, true]));
  assert.equal(robustRange([[1, 2]], [false], false), null);
  assert.deepEqual(robustRange([[1, 2], [1, 100]], [false, true], false), [0, 3]);
});

test('toSweepChart: aligned, downsampled lines with one style per decay value', () => {
  const decays = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
  const chart = toSweepChart(outcome(decays));
  assert.equal(chart.title, 'Decay sweep: train.py:42');
  assert.equal(chart.runs.length, decays.length);
  assert.equal(new Set(chart.runs.map((r) => `${r.colorVar} ${r.dash.join(',')}`)).size, decays.length);
  assert.ok(chart.trainLoss.x.length <= MAX_POINTS);
  assert.equal(chart.trainLoss.every, 2);
  assert.equal(chart.trainLoss.log, true);
  assert.equal(chart.runs[0].colorVar, '--vscode-editor-foreground');
  for (const line of [chart.trainLoss, chart.validationLoss, chart.weightNorm]) {
    assert.equal(line.ys.length, decays.length);
    for (const row of line.ys) assert.equal(row.length, line.x.length);
  }
  assert.deepEqual(chart.validationLoss.x, [0, 250, 500, 750, 1000]);
  assert.equal(chart.weightNorm.ys[0][0], 5);
  assert.ok(chart.runs.find((r) => r.decay === 0.01)?.best);
  assert.match(chart.bugCost ?? '', /0\.750 instead of 0\.500 with wd=0\.01 applied \(\+50%\)/);
});

test('toSweepChart: wd=0 leaves the log axis for a reference line; diverged runs are marked', () => {
  const chart = toSweepChart(outcome([0.1, 0, 0.01, 3], { 3: 400 }));
  assert.deepEqual(chart.finalLoss.x, [0.01, 0.1, 3]);
  assert.deepEqual(chart.finalLoss.runIndex, [2, 0, 3]);
  assert.equal(chart.finalLoss.y[2], null);
  assert.equal(chart.finalLoss.noDecay?.runIndex, 1);
  assert.equal(chart.finalLoss.noDecay?.loss, chart.runs[1].finalLoss);
  const diverged = chart.runs[3];
  assert.equal(diverged.divergedAt, 400);
  assert.equal(diverged.label, 'wd=3 (diverged)');
  assert.equal(diverged.finalLoss, null);
  assert.equal(chart.validationLoss.ys[3][2], null);
  assert.equal(toSweepChart(outcome([0.1, 0.01])).finalLoss.noDecay, null);
});

test('log charts drop non-positive values; isSweepChart accepts JSON state and rejects damage', () => {
  const source = outcome([0, 0.01]);
  source.result.runs[0].trainLoss[0] = 0;
  const chart = toSweepChart(source, 10);
  assert.equal(chart.trainLoss.x.length, 10);
  assert.equal(toSweepChart(source, STEPS).trainLoss.ys[0][0], null);
  const state = JSON.parse(JSON.stringify(chart));
  assert.ok(isSweepChart(state));
  assert.ok(!isSweepChart({ ...state, version: 2 }));
  assert.ok(!isSweepChart({ ...state, runs: [] }));
  assert.ok(!isSweepChart({ ...state, validationLoss: { ...state.validationLoss, ys: [[1], [2]] } }));
  assert.ok(!isSweepChart({ ...state, runs: state.runs.map((r: object) => ({ ...r, colorVar: 'red; background: url(x)' })) }));
  assert.ok(!isSweepChart(null));
});

test('the webview script is plain script that parses', () => {
  const file = path.resolve(__dirname, '..', '..', 'client', 'media', 'chart.js');
  assert.doesNotThrow(() => new Script(readFileSync(file, 'utf8'), { filename: file }));
});
