// A real LSP client for tests: spawns the bundled server over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DataCallback,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ResponseMessage,
} from 'vscode-languageserver-protocol/node';
import type { ChildIdentity } from './permissions';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol';

export const serverPath = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export class TestLspClient {
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  readonly messages: string[] = [];
  readonly progress: { token: string | number; value: { kind: string; percentage?: number } }[] = [];
  readonly finishedSweeps: unknown[] = [];
  /** Tokens of the progress the server created, in order (cancel with window/workDoneProgress/cancel). */
  readonly progressTokens: (string | number)[] = [];
  /** What the server gets for `workspace/configuration` (the `decayLens` section). */
  configuration: unknown = {};
  /** The methods the server registered dynamically (`client/registerCapability`), in order. */
  readonly registrations: string[] = [];
  /** Responses to `requestRaw`, by id. */
  private readonly rawResponses = new Map<string, ResponseMessage>();
  private rawRequests = 0;
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult | undefined;

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    const rawResponse = (message: ResponseMessage & { id: string }) => {
      this.rawResponses.set(message.id, message);
      this.wake();
    };
    // Sees each message first: the connection drops responses to requests it did not send.
    class TappedReader extends StreamMessageReader {
      override listen(callback: DataCallback) {
        return super.listen((message) => {
          if ('id' in message && typeof message.id === 'string' && message.id.startsWith('raw-')) rawResponse(message as ResponseMessage & { id: string });
          callback(message);
        });
      }
    }
    this.connection = createProtocolConnection(new TappedReader(process.stdout), new StreamMessageWriter(process.stdin));
    process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progressTokens.push(params.token);
      return null;
    });
    this.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.messages.push(params.message);
      this.wake();
      return null;
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; percentage?: number } }) => {
      this.progress.push(params);
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.messages.push(params.message);
      this.wake();
    });
    this.connection.onNotification('decayLens/sweepFinished', (params: unknown) => {
      this.finishedSweeps.push(params);
      this.wake();
    });
    this.connection.listen();
  }

  /**
   * `runAs` picks the user the server runs as (see unprivileged() in permissions.ts); `initialize`
   * overrides fields of the initialize params (`undefined` leaves a field out); `configuration` is
   * the `decayLens` section from the start.
   */
  static async start(
    options: { workspaceFolder?: string; capabilities?: ClientCapabilities; runAs?: ChildIdentity; initialize?: Partial<InitializeParams>; configuration?: unknown } = {},
  ): Promise<TestLspClient> {
    // Started as the extension starts it: with its node flags.
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverPath, '--stdio'], { ...options.runAs, stdio: 'pipe' });
    const client = new TestLspClient(child);
    // The settings the server reads before it indexes the workspace.
    if (options.configuration !== undefined) client.configuration = options.configuration;
    const folder = options.workspaceFolder;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${client.stderr.join('')}`))),
    );
    exited.catch(() => undefined);
    const initialized = client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: folder ? [{ uri: toUri(folder), name: path.basename(folder) }] : null,
      capabilities: options.capabilities ?? {
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] } },
        workspace: { configuration: true, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
        window: { workDoneProgress: true },
      },
      ...options.initialize,
    });
    client.initializeResult = await Promise.race([initialized, exited]);
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  open(uri: string, text: string, version = 1, languageId = 'python'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole line `line` (0-based) with `text`. */
  replaceLine(uri: string, version: number, line: number, oldLength: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: oldLength } }, text }],
    });
  }

  hover(uri: string, line: number, character: number): Promise<{ contents: { kind: string; value: string } } | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params);
  }

  /**
   * Sends a request with `params` as they are (`request` sends `null` as `[null]`) and resolves
   * with the server's response message.
   */
  async requestRaw(method: string, params: unknown): Promise<ResponseMessage> {
    const id = `raw-${++this.rawRequests}`;
    await this.sendRaw(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return this.waitFor(() => this.rawResponses.get(id), `the response to ${method}`);
  }

  /** Writes `body` to the server as it is, framed with a correct Content-Length unless `header` is given. */
  sendRaw(body: string, header = `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n`): Promise<void> {
    return new Promise((resolve, reject) => this.process.stdin.write(header + body, (error) => (error ? reject(error) : resolve())));
  }

  /** Resolves once `probe` returns something (checked whenever a message arrives). */
  waitUntil<T>(probe: () => T | undefined, what: string): Promise<T> {
    return this.waitFor(probe, what);
  }

  /** Resolves with the latest diagnostics for `uri` once `predicate` holds for them. */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const published = this.diagnostics.get(uri);
      return published && predicate(published.diagnostics) ? published.diagnostics : undefined;
    }, `diagnostics for ${uri}`);
  }

  waitForLog(pattern: RegExp): Promise<string> {
    return this.waitFor(() => this.logs.find((line) => pattern.test(line)), `a log line matching ${pattern}`);
  }

  private waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`)), 15_000);
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      if (!check()) this.waiters.push({ check, resolve: () => undefined });
    });
  }

  private wake(): void {
    this.waiters = this.waiters.filter((waiter) => !waiter.check());
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

export function toUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}
