// The chart panel's restore after a reload, through its serializer, against a stand-in for the
// `vscode` module (the real editor part is in the end-to-end suite, which cannot reload itself):
// saved state brings the chart back once the webview asks for it; foreign state does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSpec } from '../../runtime/src';
import { toSweepChart } from '../../client/src/chartData';
import type { SweepOutcome } from '../../server/src/protocol';
import { fakePanel, registered } from '../support/fakeVscode';

const outcome: SweepOutcome = {
  uri: 'file:///work/cifar10.py',
  line: 75,
  headline: 'Decay sweep: best wd=0.004 · val 2.73 vs 3.30 at wd=0',
  result: {
    spec: defaultSpec({ decayValues: [0, 0.004], steps: 4, evaluateEvery: 2 }),
    task: 'classification',
    runs: [0, 0.004].map((decay) => ({
      decay,
      trainLoss: [2.3, 2.1, 2.0, 1.9],
      evaluations: [0, 2, 4].map((step) => ({ step, loss: 2.5 - step / 10 - decay, accuracy: 0.2, weightNorms: [10 - decay, 5] })),
    })),
    best: { decay: 0.004, validationLoss: 2.096 },
    noDecay: { validationLoss: 2.1 },
    timings: { sessionMs: 1, trainMs: 2, totalMs: 3 },
  },
};

test('a restored panel shows its saved sweep when the webview asks; foreign state leaves the placeholder', async () => {
  const { SweepChartPanel } = await import('../../client/src/chartPanel');
  SweepChartPanel.registerSerializer({ extensionUri: { path: '/ext' } } as never);
  const serializer = registered.serializer;
  assert.ok(serializer, 'a serializer is registered');

  const chart = toSweepChart(outcome);
  const panel = fakePanel();
  await serializer.deserializeWebviewPanel(panel, { chart });
  assert.match(panel.webview.html, /Content-Security-Policy/);
  assert.match(panel.webview.html, /script-src 'nonce-[A-Za-z0-9+/=]{24}'/);
  assert.equal(panel.title, chart.title);
  assert.deepEqual(panel.webview.posted, [], 'nothing posted before the webview is ready');
  for (const listener of panel.webview.listeners) listener({ type: 'ready' });
  assert.deepEqual(panel.webview.posted, [{ type: 'show', chart }]);
  for (const listener of panel.webview.listeners) listener({ type: 'run', command: 'rm -rf /' });
  assert.equal(panel.webview.posted.length, 1, 'unknown messages are ignored');

  const foreign = fakePanel();
  await serializer.deserializeWebviewPanel(foreign, { chart: { version: 99 } });
  for (const listener of foreign.webview.listeners) listener({ type: 'ready' });
  assert.deepEqual(foreign.webview.posted, [], 'a state that is not a chart is not shown');
  assert.match(foreign.webview.html, /No sweep to show/);
});
