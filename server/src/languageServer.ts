// The language server: keeps the workspace analysis in step with open documents and files on
// disk, publishes diagnostics, answers hovers, offers decay sweeps as code lenses and shows their
// results as lenses and inlay hints. Plain LSP; any client works.
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  InlayHintRequest,
  PositionEncodingKind,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
  type NotificationHandler,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './analysis/findings';
import { readSourceFile, type SourceText } from './files/sourceFiles';
import { mapWithConcurrency, READ_CONCURRENCY } from './files/concurrency';
import { WorkspaceAnalyzer, type AnalysisResult } from './workspaceAnalyzer';
import { collectFiles, isCollectedFrom } from './files/collectFiles';
import { uriToPath } from './analysis/fileUris';
import { isNotebookFile, isScriptPath } from './analysis/sourceLanguage';
import { applyConfig, ConfigResolver, withEditorRules } from './config';
import { codeActionsFor } from './features/codeActions';
import { toDiagnostic } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { decayInlayHints } from './features/inlayHints';
import { matchSweeps, sweepCodeLenses, sweepInlayHints } from './features/sweepLenses';
import { SweepService } from './features/sweepService';
import { RUN_SWEEP_COMMAND, type RunSweepArguments } from './protocol';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { documentSyncProblem, onCheckedRequest, type DocumentSyncMethod } from './requestParams';
import { ClientUris, uriKey } from './clientUris';
import { NOTEBOOK_SYNC_OPTIONS, NotebookSync } from './notebooks/notebookSync';

export class DecayLensServer {
  /** Open documents, by the key of their URI (clientUris.ts), as everything the server keeps. */
  private readonly documents = new TextDocuments(TextDocument);
  private readonly uris = new ClientUris();
  private analyzer: WorkspaceAnalyzer | undefined;
  private result: AnalysisResult | undefined;
  private analysisScheduled = false;
  /** What was last published, by the URI it was sent for. */
  private published = new Map<string, string>();
  /** The diagnostics last built for each file's findings (see publish). */
  private converted = new Map<string, { findings: Finding[]; diagnostics: Diagnostic[] }>();
  private skipped = new Map<string, string>();
  /** What lenses and inlay hints were computed from last; a change triggers refresh requests. */
  private sweepViews: string[] = [];
  private workspaceFolders: string[] = [];
  private supportsRelatedInformation = false;
  private supportsConfiguration = false;
  private supportsConfigurationRegistration = false;
  private settings: Settings = DEFAULT_SETTINGS;
  private supportsCodeLensRefresh = false;
  private supportsInlayHintRefresh = false;
  private readonly sweeps: SweepService;
  /** Project config files (decay-lens.json, pyproject.toml); reloaded when one changes. */
  private readonly configs = new ConfigResolver();

  /** Open notebooks: their code cells are one module each, keyed by the notebook's URI. */
  private readonly notebooks = new NotebookSync({
    update: (uri, text) =>
      this.guardSync('notebook change', () => {
        this.analyzer?.setFile(this.uris.received(uri), text, { incremental: true });
        this.scheduleAnalysis();
      }),
    closed: (uri) =>
      this.guardSync('notebook close', () => {
        this.analyzer?.removeFile(uriKey(uri));
        this.scheduleAnalysis();
      }),
  });

  constructor(private readonly connection: Connection) {
    this.sweeps = new SweepService(connection, () => this.refreshSweepViews());
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.guard('initialized', () => this.initialized()));
    // Requests name the client's URIs (a cell's, which the notebook sync maps to its notebook's):
    // the answers are looked up by key.
    onCheckedRequest(connection, HoverRequest.type, ['textDocument', 'position'], (params) =>
      this.guardSync('hover', () => {
        if (!this.settings.enable) return null;
        const hovers = this.currentResult()?.hovers() ?? [];
        return this.notebooks.hover(params.textDocument.uri, params.position, (uri, position) => hoverAt(hovers, this.uris.received(uri), position));
      }),
    );
    onCheckedRequest(connection, CodeLensRequest.type, ['textDocument'], (params) =>
      this.guardSync('code lens', () => {
        const result = this.currentResult();
        if (!this.settings.enable || !result) return [];
        return this.notebooks.codeLenses(params.textDocument.uri, (uri) => {
          const key = this.uris.received(uri);
          const places = result.sweepPlaces().filter((place) => place.uri === key);
          return sweepCodeLenses(places, matchSweeps(places, this.sweeps.all(), (file) => this.linesOf(file)));
        });
      }),
    );
    onCheckedRequest(connection, InlayHintRequest.type, ['textDocument', 'range'], (params) =>
      this.guardSync('inlay hints', () => {
        if (!this.settings.enable || !this.settings.inlayHints) return [];
        const result = this.currentResult();
        if (!result) return [];
        const matches = matchSweeps(result.sweepPlaces(), this.sweeps.all(), (file) => this.linesOf(file));
        return this.notebooks.inlayHints(params.textDocument.uri, (uri) => {
          const key = this.uris.received(uri);
          return [...decayInlayHints(result.decayHints(), key), ...sweepInlayHints(matches, key, this.linesOf(key))];
        });
      }),
    );
    onCheckedRequest(connection, CodeActionRequest.type, ['textDocument', 'diagnostics'], (params) =>
      this.guardSync('code action', () => {
        // Edits name the files as the diagnostics' fix data does: in the client's spelling.
        const textOf = (uri: string) => this.documents.get(uriKey(uri))?.getText() ?? this.notebooks.cellText(uri) ?? this.analyzer?.textOf(uriKey(uri));
        return params.context.diagnostics.flatMap((diagnostic) => codeActionsFor(diagnostic, params.textDocument.uri, textOf));
      }),
    );
    onCheckedRequest(connection, ExecuteCommandRequest.type, ['command'], async (params, token) => {
      if (params.command !== RUN_SWEEP_COMMAND) return null;
      const given = params.arguments?.[0] as RunSweepArguments | undefined;
      if (!given || typeof given.uri !== 'string' || typeof given.line !== 'number') {
        // Like any malformed request: an InvalidParams error for the client that sent it.
        return new ResponseError(ErrorCodes.InvalidParams, `${RUN_SWEEP_COMMAND} needs arguments [{uri, line}]`);
      }
      // A cursor in a notebook cell: the sweep runs on the notebook's module.
      const inModule = this.notebooks.toModuleLine(given);
      const args = { ...inModule, uri: uriKey(inModule.uri) };
      const result = this.currentResult();
      if (!result) return null;
      return this.sweeps.run(args, result.sweepPlaces(), this.linesOf(args.uri), this.settings.sweep, token);
    });
    connection.onDidChangeConfiguration((params) => void this.guard('configuration', () => this.loadSettings(params?.settings)));
    connection.onDidChangeWatchedFiles((params) =>
      void this.guard('watched files', async () => {
        for (const change of params.changes) {
          if (/(?:^|\/)(?:decay-lens\.json|pyproject\.toml)$/.test(change.uri)) {
            this.configs.clear();
            this.republishAll(); // every file may be under it
            continue;
          }
          const uri = this.uris.received(change.uri);
          if (!this.isWorkspaceSource(uri) || this.documents.get(uri)) continue;
          if (change.type === FileChangeType.Deleted) this.analyzer?.removeFile(uri);
          else await this.loadFromDisk(uri);
        }
        this.scheduleAnalysis();
      }),
    );
    documents.onDidChangeContent((event) =>
      this.guardSync('change', () => {
        if (!isAnalysable(event.document)) return;
        this.analyzer?.setFile(event.document.uri, event.document.getText(), { incremental: true });
        this.scheduleAnalysis();
      }),
    );
    documents.onDidClose((event) =>
      void this.guard('close', async () => {
        const uri = event.document.uri;
        this.analyzer?.stopEditing(uri);
        // The buffer may have differed from the file: the file on disk is the truth again, for the
        // files the workspace index reads; others (a library file, a file of another folder) go.
        if (!this.isWorkspaceSource(uri) || !(await this.loadFromDisk(uri))) this.analyzer?.removeFile(uri);
        this.scheduleAnalysis();
      }),
    );
    documents.listen(keyedDocumentSync(connection, this.uris, (problem) => connection.console.warn(`decay-lens: ${problem}`)));
    this.notebooks.listen(connection);
    connection.listen();
  }

  private async initialize(params: InitializeParams): Promise<InitializeResult> {
    this.analyzer = await WorkspaceAnalyzer.create();
    const capabilities = params.capabilities;
    this.supportsRelatedInformation = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    this.supportsConfiguration = capabilities.workspace?.configuration === true;
    this.supportsConfigurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.supportsCodeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    this.supportsInlayHintRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => uriToPath(uri));
    return {
      capabilities: {
        // Every column is in UTF-16 code units (tree-sitter over JS strings, TextDocument), whatever
        // the client offers: LSP makes UTF-16 the encoding every client supports.
        positionEncoding: PositionEncodingKind.UTF16,
        textDocumentSync: TextDocumentSyncKind.Incremental,
        notebookDocumentSync: NOTEBOOK_SYNC_OPTIONS,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
        executeCommandProvider: { commands: [RUN_SWEEP_COMMAND] },
      },
      serverInfo: { name: 'decay-lens' },
    };
  }

  private async initialized(): Promise<void> {
    if (this.supportsConfiguration) {
      // A client that did not declare dynamic registration sends the notification unasked, or never.
      if (this.supportsConfigurationRegistration) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'decayLens' });
      await this.loadSettings();
    }
    await this.indexWorkspace();
  }

  /**
   * The `decayLens` settings, asked for with workspace/configuration; a client that cannot answer
   * it (Neovim 0.7) pushes them with workspace/didChangeConfiguration instead: `pushed`.
   */
  private async loadSettings(pushed?: unknown): Promise<void> {
    const section: unknown = this.supportsConfiguration
      ? await this.connection.workspace.getConfiguration('decayLens')
      : pushed && typeof pushed === 'object' && (pushed as Record<string, unknown>).decayLens;
    this.settings = parseSettings(section, this.workspaceFolders[0]);
    this.republishAll(); // severities or enablement may have changed
    this.scheduleAnalysis();
    this.refreshSweepViews();
  }

  /** Reads every Python file of the workspace folders, so collections summed elsewhere are seen. */
  private async indexWorkspace(): Promise<void> {
    if (this.workspaceFolders.length === 0) {
      this.connection.console.info('no workspace folder: only open documents are analysed, and their imports of files that are not open are not followed');
      return;
    }
    const collected = await collectFiles(this.workspaceFolders, process.cwd());
    for (const entry of collected.skipped) this.connection.console.info(`skipped ${entry.path}: ${entry.reason}`);
    // A notebook is analysed while it is open (notebook sync): its positions only make sense in cells.
    const sourceFiles = collected.files.filter((file) => !isNotebookFile(file));
    // Past the limit, the first files in path order: the memory stays bounded, and the user is told.
    const limit = this.settings.maxIndexedFiles;
    const files = sourceFiles.slice(0, limit);
    if (files.length < sourceFiles.length) {
      const message =
        `Decay Lens indexed ${files.length} of the workspace's ${sourceFiles.length} Python and TypeScript/JavaScript files (decayLens.index.maxFiles is ${limit}): ` +
        'findings that depend on the files left out may be missed; open files are analysed with what is indexed. ' +
        'Raise the setting (the server takes about 65 MB per 1,000 files) and restart the server, or open a sub-folder.';
      this.connection.console.warn(message);
      void this.connection.window.showWarningMessage(message);
    }
    const sources = await mapWithConcurrency(files, READ_CONCURRENCY, (file) => readSourceFile(file));
    files.forEach((file, i) => {
      const uri = pathToFileURL(file).href;
      if (this.documents.get(uri)) return; // opened while the files were read: the editor's text wins
      this.addFromDisk(uri, sources[i]);
    });
    // Analysed now rather than on the next turn, so this line follows the whole workspace's
    // diagnostics on the wire: the benchmark (bench/workspace.bench.ts) waits for it.
    this.scheduleAnalysis();
    this.guardSync('analysis', () => this.currentResult());
    this.connection.console.info(`indexed ${files.length} files`);
  }

  /** A file the workspace index reads (notebooks excepted: they are analysed while open). */
  private isWorkspaceSource(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = uriToPath(uri);
    return !isNotebookFile(file) && this.workspaceFolders.some((folder) => isCollectedFrom(folder, file));
  }

  /** Analyses the file's text on disk; false when it cannot be read. */
  private async loadFromDisk(uri: string): Promise<boolean> {
    if (!uri.startsWith('file:') || !this.analyzer) return false;
    return this.addFromDisk(uri, await readSourceFile(uriToPath(uri)));
  }

  private addFromDisk(uri: string, source: SourceText): boolean {
    if ('skipped' in source) {
      this.connection.console.info(`skipped ${uriToPath(uri)}: ${source.skipped}`);
      return false;
    }
    this.analyzer?.setFile(uri, source.text);
    return true;
  }

  /** Coalesces a burst of changes into one analysis on the next turn of the event loop. */
  private scheduleAnalysis(): void {
    if (this.analysisScheduled) return;
    this.analysisScheduled = true;
    setImmediate(() => this.guardSync('analysis', () => this.currentResult()));
  }

  /** The analysis of the current texts, computed now if a change is pending. */
  private currentResult(): AnalysisResult | undefined {
    if (this.analysisScheduled && this.analyzer) {
      this.analysisScheduled = false;
      this.result = this.analyzer.analyze();
      this.logSkippedChanges(this.result);
      this.publish(this.result);
      // After the diagnostics are on their way: they are what the user waits for.
      setImmediate(() => this.guardSync('lens refresh', () => this.refreshIfViewsChanged()));
    }
    return this.result;
  }

  /**
   * Lenses and hints can change without an edit in their own file (another file was indexed or
   * edited): ask clients to fetch them again when they did.
   */
  private refreshIfViewsChanged(): void {
    const result = this.result;
    if (!result || this.analysisScheduled) return; // the next analysis checks again
    // A client that cannot be asked to refresh fetches lenses and hints itself: nothing to compare.
    if (!this.supportsCodeLensRefresh && !this.supportsInlayHintRefresh) return;
    // Per program, so an edit computes the lenses and hints of the programs it reached only.
    const views = result.viewKeys();
    if (!sameItems(views, this.sweepViews)) {
      this.sweepViews = views;
      this.refreshSweepViews();
    }
  }

  /** Says once when a file stops or starts being analysed, not on every keystroke. */
  private logSkippedChanges(result: AnalysisResult): void {
    const now = new Map(result.skipped.map((entry) => [entry.uri, entry.reason]));
    for (const [uri, reason] of now) {
      if (this.skipped.get(uri) !== reason) this.connection.console.info(`not analysed ${uri}: ${reason}`);
    }
    for (const uri of this.skipped.keys()) if (!now.has(uri)) this.connection.console.info(`analysed again ${uri}`);
    this.skipped = now;
  }

  private publish(result: AnalysisResult): void {
    const byUri = new Map<string, Diagnostic[]>();
    /** Files whose diagnostics are the ones published last time: no need to serialize them again. */
    const unchanged = new Set<string>();
    if (this.settings.enable) {
      // Project config files first, the editor's decayLens.rules over them.
      const configFor = (file: string) => withEditorRules(this.configs.configFor(file), this.settings.rules);
      const findingsByUri = new Map<string, Finding[]>();
      for (const finding of applyConfig(result.findings, configFor).map((found) => this.notebooks.toCells(this.uris.findingToClient(found)))) {
        const list = findingsByUri.get(finding.uri);
        if (list) list.push(finding);
        else findingsByUri.set(finding.uri, [finding]);
      }
      // Unchanged programs hand back the same finding objects: their diagnostics are reused.
      const converted = new Map<string, { findings: Finding[]; diagnostics: Diagnostic[] }>();
      for (const [uri, findings] of findingsByUri) {
        const before = this.converted.get(uri);
        const reuse = before !== undefined && sameItems(before.findings, findings);
        const diagnostics = reuse ? before.diagnostics : findings.map((finding) => toDiagnostic(finding, this.supportsRelatedInformation));
        if (reuse) unchanged.add(uri);
        converted.set(uri, { findings, diagnostics });
        byUri.set(uri, [...diagnostics]);
      }
      this.converted = converted;
      // A broken config file is reported on the file itself, at the offending line.
      for (const problem of this.configs.problems()) {
        const uri = this.uris.toClient(pathToFileURL(problem.file).href);
        unchanged.delete(uri);
        const list = byUri.get(uri) ?? [];
        list.push({
          range: { start: { line: problem.line - 1, character: 0 }, end: { line: problem.line - 1, character: Number.MAX_SAFE_INTEGER } },
          severity: DiagnosticSeverity.Warning,
          source: 'decay-lens',
          message: problem.message,
        });
        byUri.set(uri, list);
      }
    }
    // Open documents always get an answer, even an empty one, so clients know analysis ran.
    for (const uri of [...this.documents.all().map((document) => this.uris.toClient(document.uri)), ...this.notebooks.cellUris()]) if (!byUri.has(uri)) byUri.set(uri, []);
    const next = new Map<string, string>();
    // URIs published before and not now (a file closed, or one the client now spells otherwise)
    // come first: they are cleared before a new spelling of the same file gets its diagnostics.
    for (const uri of new Set([...this.published.keys(), ...byUri.keys()])) {
      const diagnostics = byUri.get(uri) ?? [];
      // '' marks a file to publish again whatever it holds (settings or config changed).
      const previous = this.published.get(uri);
      const serialized = unchanged.has(uri) && previous ? previous : JSON.stringify(diagnostics);
      if (byUri.has(uri)) next.set(uri, serialized);
      if (this.published.get(uri) !== serialized) void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.published = next;
  }

  /** The next publish sends every file's diagnostics, changed or not ('' matches no serialization). */
  private republishAll(): void {
    this.published = new Map([...this.published.keys()].map((uri) => [uri, '']));
  }

  /** The lines of an open document, or of the analysed file text. */
  private linesOf(uri: string): string[] {
    return (this.documents.get(uri)?.getText() ?? this.analyzer?.textOf(uri) ?? '').split(/\r\n|\r|\n/);
  }

  private refreshSweepViews(): void {
    if (this.supportsCodeLensRefresh) void this.connection.sendRequest(CodeLensRefreshRequest.type);
    if (this.supportsInlayHintRefresh) void this.connection.languages.inlayHint.refresh();
  }

  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.connection.console.error(`decay-lens: ${what} failed: ${describe(error)}`);
    }
  }

  private guardSync<T>(what: string, work: () => T): T | null {
    try {
      return work();
    } catch (error) {
      this.connection.console.error(`decay-lens: ${what} failed: ${describe(error)}`);
      return null;
    }
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function isAnalysable(document: TextDocument): boolean {
  return document.languageId === 'python' || document.uri.endsWith('.py') || isScriptPath(document.uri);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

type DocumentSync = Parameters<TextDocuments<TextDocument>['listen']>[0];

/**
 * The text document sync of `connection` as a TextDocuments store listens to it, with each
 * document's URI replaced by its key. Notifications with malformed params are refused with a
 * message to `refuse` instead of failing inside the store or the analysis.
 */
function keyedDocumentSync(connection: Connection, uris: ClientUris, refuse: (problem: string) => void): DocumentSync {
  function keyed<P extends { textDocument: { uri: string } }>(method: DocumentSyncMethod, handler: NotificationHandler<P>): NotificationHandler<P> {
    return (params) => {
      const problem = documentSyncProblem(method, params);
      if (problem) refuse(problem);
      else handler({ ...params, textDocument: { ...params.textDocument, uri: uris.received(params.textDocument.uri) } });
    };
  }
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(keyed('textDocument/didOpen', handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(keyed('textDocument/didChange', handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(keyed('textDocument/didClose', handler)),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(keyed('textDocument/didSave', handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(keyed('textDocument/willSave', handler)),
    // The server does not ask for will-save requests (textDocumentSync is a kind, not options): none to key.
    onWillSaveTextDocumentWaitUntil: (): Disposable => ({ dispose: () => undefined }),
  };
}
