// A stand-in for the `vscode` module (it exists only inside the editor), enough for the chart panel
// (client/src/chartPanel.ts): importing this file makes `require('vscode')` return it.
import Module from 'node:module';

export type Listener = (message: unknown) => void;

export interface FakePanel {
  title: string;
  webview: { html: string; options: unknown; cspSource: string; posted: unknown[]; listeners: Listener[] } & Record<string, unknown>;
  onDidDispose(): { dispose(): void };
}

type Serializer = { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> };

const disposable = { dispose: () => undefined };
/** What the panel registered with registerWebviewPanelSerializer, once it has. */
export const registered: { serializer?: Serializer } = {};

export const fakeVscode = {
  Uri: {
    joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/'), toString: () => [base.path, ...parts].join('/') }),
  },
  ViewColumn: { Beside: -2 },
  window: {
    registerWebviewPanelSerializer: (_viewType: string, serializer: Serializer) => {
      registered.serializer = serializer;
      return disposable;
    },
  },
};

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : originalLoad.call(this, request, ...rest);
};

/** A webview panel that records what is posted to it and lets a test post messages from it. */
export function fakePanel(): FakePanel {
  const listeners: Listener[] = [];
  const webview = {
    html: '',
    options: {},
    cspSource: 'vscode-webview://test',
    posted: [] as unknown[],
    listeners,
    asWebviewUri: (uri: { path: string }) => ({ toString: () => `vscode-webview://test${uri.path}` }),
    postMessage(message: unknown) {
      this.posted.push(message);
      return Promise.resolve(true);
    },
    onDidReceiveMessage: (listener: Listener) => {
      listeners.push(listener);
      return disposable;
    },
  };
  return { title: 'Decay sweep', webview, onDidDispose: () => disposable };
}
