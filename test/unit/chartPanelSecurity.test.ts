// The chart webview's boundary: the page loads nothing remote under a strict CSP, the extension
// acts on no message but `{type: 'ready'}`, and the webview script (client/media/chart.js, run in
// a vm against stand-ins for the DOM) keeps and draws nothing but a valid `show` message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { toSweepChart } from '../../client/src/chartData';
import { defaultSpec } from '../../runtime/src';
import type { SweepOutcome } from '../../server/src/protocol';
import { fakePanel } from '../support/fakeVscode';

const outcome: SweepOutcome = {
  uri: 'file:///work/train.py',
  line: 3,
  headline: 'Decay sweep',
  result: {
    spec: defaultSpec({ decayValues: [0, 0.01], steps: 4, evaluateEvery: 2 }),
    task: 'classification',
    runs: [0, 0.01].map((decay) => ({
      decay,
      trainLoss: [2.3, 2.1, 2.0, 1.9],
      evaluations: [0, 2, 4].map((step) => ({ step, loss: 2.5 - step / 10 - decay, accuracy: 0.2, weightNorms: [10, 5] })),
    })),
    best: { decay: 0.01, validationLoss: 2.09 },
    noDecay: { validationLoss: 2.1 },
    timings: { sessionMs: 1, trainMs: 2, totalMs: 3 },
  },
};

test('the page: a CSP with default-src none and nonce scripts only, no remote resource, nothing inline', async () => {
  const { html } = await import('../../client/src/chartPanel');
  const page = html(fakePanel().webview as never, { path: '/ext' } as never);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)] as const));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('script-src')?.length, 1);
  assert.match(directives.get('script-src')![0], /^'nonce-[A-Za-z0-9+/=]{24}'$/);
  assert.deepEqual(directives.get('style-src'), ['vscode-webview://test']);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:/);
  assert.doesNotMatch(page, /https?:\/\//i, 'no http(s) URL anywhere in the page');
  const sources = [...page.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
  assert.ok(sources.length >= 4);
  for (const source of sources) assert.match(source, /^vscode-webview:\/\/test\/ext\/dist\/media\/[\w.]+$/, source);
  const nonce = directives.get('script-src')![0].slice("'nonce-".length, -1);
  const scripts = page.match(/<script[^>]*>[^<]*<\/script>/g) ?? [];
  assert.equal(scripts.length, 2, 'uPlot and chart.js');
  assert.equal(page.match(/<script/g)?.length, scripts.length, 'no script tag outside the checked ones');
  for (const script of scripts) {
    assert.match(script, new RegExp(`^<script nonce="${nonce.replace(/[+/]/g, '\\$&')}" src="[^"]+"></script>$`), 'every script has the nonce and nothing inline');
  }
  assert.doesNotMatch(page, /\son\w+=/i, 'no inline event handlers');
  // A fresh nonce each time.
  assert.notEqual(html(fakePanel().webview as never, { path: '/ext' } as never).match(/nonce-([^']+)/)?.[1], nonce);
});

test('the extension acts on {type: "ready"} alone', async () => {
  const { isFromWebview } = await import('../../client/src/chartPanel');
  assert.ok(isFromWebview({ type: 'ready' }));
  assert.ok(isFromWebview(JSON.parse('{"type": "ready"}')));
  for (const message of [null, undefined, 'ready', 42, [], ['ready'], {}, { type: 'Ready' }, { type: 'ready ' }, { type: 'show' }, { type: 'ready', command: 'rm -rf /' }, { type: ['ready'] }, Object.create({ type: 'ready' })]) {
    assert.equal(isFromWebview(message), false, JSON.stringify(message));
  }
});

/** Runs chart.js against stand-ins for the browser (uPlot records what it is asked to draw); returns what it stored and drew and a way to post to it. */
function loadWebviewScript() {
  const stored: unknown[] = [];
  const posted: unknown[] = [];
  const plotted: { options: { series: { label: string }[] }; data: unknown[][] }[] = [];
  let onMessage: ((event: { data: unknown }) => void) | undefined;
  const element = (): Record<string, unknown> => ({
    getContext: () => ({}),
    classList: { contains: () => false, add: () => undefined },
    append: () => undefined,
    replaceChildren: () => undefined,
    setAttribute: () => undefined,
    style: {},
    clientWidth: 600,
  });
  const context = {
    acquireVsCodeApi: () => ({ getState: () => undefined, setState: (state: unknown) => stored.push(state), postMessage: (message: unknown) => posted.push(message) }),
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
        constructor(options: (typeof plotted)[number]['options'], data: unknown[][]) {
          plotted.push({ options, data });
        }
        destroy() {}
      },
      { pxRatio: 1 },
    ),
  };
  const file = path.resolve(__dirname, '..', '..', 'client', 'media', 'chart.js');
  runInNewContext(readFileSync(file, 'utf8'), context, { filename: file });
  assert.ok(onMessage, 'the script listens for messages');
  return { stored, posted, plotted, post: (data: unknown) => onMessage!({ data }) };
}

test('the webview script keeps only a valid show message and ignores everything else', () => {
  const webview = loadWebviewScript();
  // Objects from the vm's realm: compared as JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(webview.posted)), [{ type: 'ready' }], 'it asks for the chart once loaded');
  const chart = JSON.parse(JSON.stringify(toSweepChart(outcome)));
  const junk = [
    null,
    'show',
    { type: 'ready' },
    { type: 'run', command: 'rm -rf /' },
    { type: 'show' },
    { type: 'show', chart: { ...chart, version: 2 } },
    { type: 'show', chart: { ...chart, runs: chart.runs.map((run: object) => ({ ...run, colorVar: 'red; background: url(https://example.com/x)' })) } },
    { type: 'show', chart: { ...chart, title: 42 } },
    { type: 'show', chart: { ...chart, trainLoss: { ...chart.trainLoss, ys: [[1]] } } },
  ];
  for (const data of junk) assert.doesNotThrow(() => webview.post(data), JSON.stringify(data)?.slice(0, 80));
  assert.deepEqual(webview.stored, [], 'nothing invalid is kept');
  assert.equal(webview.plotted.length, 0, 'nothing invalid is drawn');
  // The valid chart is kept and drawn: one plot per chart, one series per data row (x first).
  webview.post({ type: 'show', chart });
  assert.deepEqual(JSON.parse(JSON.stringify(webview.stored)), [{ chart }]);
  const final = chart.finalLoss;
  const expected = [
    [chart.trainLoss.x, ...chart.trainLoss.ys],
    [chart.validationLoss.x, ...chart.validationLoss.ys],
    [chart.weightNorm.x, ...chart.weightNorm.ys],
    [final.x, final.y, final.x.map(() => final.noDecay.loss)],
  ];
  assert.deepEqual(JSON.parse(JSON.stringify(webview.plotted.map((plot) => plot.data))), expected);
  const runLabels = chart.runs.map((run: { label: string }) => run.label);
  for (const [index, plot] of webview.plotted.entries()) {
    assert.equal(plot.options.series.length, expected[index].length, `plot ${index + 1}: a series per data row`);
    if (index < 3) assert.deepEqual([...plot.options.series.slice(1).map((series) => series.label)], runLabels, `plot ${index + 1}: a line per run`);
  }
});
