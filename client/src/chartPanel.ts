// The sweep chart panel: one webview (client/media/chart.js, uPlot) showing the latest sweep's
// training loss, validation loss and weight norm per step, and final validation loss per decay.
// The extension sends the charts (chartData.ts) with postMessage; the webview keeps them with
// setState, so the serializer below restores the panel after a reload.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { SweepOutcome } from '@decay-lens/server/protocol';
import { isSweepChart, toSweepChart, type SweepChart } from './chartData';

/** Extension -> webview. */
export type ToWebview = { type: 'show'; chart: SweepChart };
/** Webview -> extension: its script loaded (again, after the panel was hidden) and wants the charts. */
export type FromWebview = { type: 'ready' };
/** What the webview stores with setState, handed to the serializer after a reload. */
export interface PanelState {
  chart: SweepChart;
}

const MEDIA = ['dist', 'media'];

export class SweepChartPanel {
  static readonly viewType = 'decayLens.sweepChart';
  /** The panel currently open, if any (tests use it). */
  static current: SweepChartPanel | undefined;

  readonly panel: vscode.WebviewPanel;
  private chart: SweepChart | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows (creating or revealing) the panel with this sweep. */
  static show(context: vscode.ExtensionContext, outcome: SweepOutcome): SweepChartPanel {
    const chart = toSweepChart(outcome);
    const current = SweepChartPanel.current;
    if (current) {
      current.update(chart);
      current.panel.reveal(undefined, true);
      return current;
    }
    const panel = vscode.window.createWebviewPanel(
      SweepChartPanel.viewType,
      chart.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(context.extensionUri),
    );
    return (SweepChartPanel.current = new SweepChartPanel(panel, context.extensionUri, chart));
  }

  /** Registers the serializer so the panel restores after a reload (state from webview getState/setState). */
  static registerSerializer(context: vscode.ExtensionContext): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(SweepChartPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        panel.webview.options = webviewOptions(context.extensionUri);
        // State written by an older or foreign webview is dropped: the panel then says how to fill it.
        const chart = isPanelState(state) ? state.chart : undefined;
        const restored = new SweepChartPanel(panel, context.extensionUri, chart);
        SweepChartPanel.current ??= restored;
      },
    });
  }

  private constructor(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, chart: SweepChart | undefined) {
    this.panel = panel;
    this.chart = chart;
    panel.webview.html = html(panel.webview, extensionUri);
    if (chart) panel.title = chart.title;
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message), undefined, this.disposables);
  }

  private update(chart: SweepChart): void {
    this.chart = chart;
    this.panel.title = chart.title;
    // Lost if the webview is hidden (its script is unloaded); it asks again with 'ready' when shown.
    this.post();
  }

  private receive(message: unknown): void {
    // Anything else is not ours to act on: the webview's page is the only sender, but it is a page.
    if (isFromWebview(message) && message.type === 'ready') this.post();
  }

  private post(): void {
    if (!this.chart) return;
    const message: ToWebview = { type: 'show', chart: this.chart };
    void this.panel.webview.postMessage(message);
  }

  private dispose(): void {
    if (SweepChartPanel.current === this) SweepChartPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...MEDIA)] };
}

/** A message the webview may send: `{type: 'ready'}` and nothing else (no other keys, no other types). */
export function isFromWebview(message: unknown): message is FromWebview {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const keys = Object.keys(message);
  return keys.length === 1 && keys[0] === 'type' && (message as { type?: unknown }).type === 'ready';
}

function isPanelState(state: unknown): state is PanelState {
  return typeof state === 'object' && state !== null && isSweepChart((state as { chart?: unknown }).chart);
}

/** The webview's page: uPlot and chart.js from dist/media, nothing inline, a strict CSP. */
export function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...MEDIA, file)).toString();
  const nonce = crypto.randomBytes(16).toString('base64');
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${media('uPlot.min.css')}" rel="stylesheet">
  <link href="${media('chart.css')}" rel="stylesheet">
  <title>Decay sweep</title>
</head>
<body>
  <main id="root"><p class="placeholder">No sweep to show: run one from the "Run decay sweep" code lens.</p></main>
  <script nonce="${nonce}" src="${media('uPlot.iife.min.js')}"></script>
  <script nonce="${nonce}" src="${media('chart.js')}"></script>
</body>
</html>`;
}
