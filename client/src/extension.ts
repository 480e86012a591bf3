// The VS Code side: starts the Decay Lens language server, offers its commands, shows a status
// bar item while a sweep runs and the chart panel for the last sweep.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RUN_SWEEP_COMMAND, SCRIPT_EXTENSIONS, SERVER_NODE_FLAGS, SweepFinishedNotification, type RunSweepArguments, type SweepOutcome } from '@decay-lens/server/protocol';
import { SweepChartPanel } from './chartPanel';
import { ServerCrashPolicy } from './serverCrashPolicy';

/** VS Code's language ids of the files the server analyses as TypeScript/JavaScript. */
const SCRIPT_LANGUAGE_IDS = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Decay Lens', { log: true });
  const sweepStatus = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  sweepStatus.text = '$(sync~spin) Decay sweep';
  sweepStatus.tooltip = 'Decay Lens is training; cancel it from the progress notification.';
  let lastOutcome: SweepOutcome | undefined;
  let sweepsInFlight = 0;
  const crashPolicy = new ServerCrashPolicy();

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The notebook entry makes the client sync Jupyter notebooks' Python cells (notebook document sync).
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { notebook: 'jupyter-notebook', language: 'python' },
      // TF.js models; the server picks the grammar by the file's extension.
      ...SCRIPT_LANGUAGE_IDS.map((language) => ({ scheme: 'file', language })),
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(`**/*.{py,${SCRIPT_EXTENSIONS.join(',')}}`),
        vscode.workspace.createFileSystemWatcher('**/{decay-lens.json,pyproject.toml}'),
      ],
    },
    outputChannel,
    errorHandler: crashHandler(crashPolicy, outputChannel),
    middleware: {
      // Every way a sweep starts (lens click, command palette, other extensions) passes here.
      executeCommand: async (command, args, next) => {
        if (command !== RUN_SWEEP_COMMAND) return next(command, args);
        sweepsInFlight++;
        sweepStatus.show();
        try {
          return await next(command, args);
        } finally {
          // A second click while one runs returns at once: keep the item while any is in flight.
          if (--sweepsInFlight === 0) sweepStatus.hide();
        }
      },
    },
  };
  client = new LanguageClient('decayLens', 'Decay Lens', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    sweepStatus,
    client.onNotification(SweepFinishedNotification.type, (outcome) => {
      lastOutcome = outcome;
      if (SweepChartPanel.current) SweepChartPanel.show(context, outcome);
      else {
        void vscode.window.showInformationMessage(outcome.headline, 'Show Chart').then((choice) => {
          if (choice) SweepChartPanel.show(context, outcome);
        });
      }
    }),
    SweepChartPanel.registerSerializer(context),
    vscode.commands.registerCommand('decayLens.runSweepAtCursor', () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || (editor.document.languageId !== 'python' && !SCRIPT_LANGUAGE_IDS.includes(editor.document.languageId))) {
        void vscode.window.showInformationMessage('Decay Lens: open a Python, TypeScript or JavaScript file and place the cursor on a decay or an optimizer.');
        return undefined;
      }
      const args: RunSweepArguments = { uri: editor.document.uri.toString(), line: editor.selection.active.line };
      return vscode.commands.executeCommand(RUN_SWEEP_COMMAND, args);
    }),
    vscode.commands.registerCommand('decayLens.showSweepChart', () => {
      if (lastOutcome) SweepChartPanel.show(context, lastOutcome);
      else void vscode.window.showInformationMessage('Decay Lens: no sweep yet. Run one from a "Run decay sweep" code lens.');
    }),
    vscode.commands.registerCommand('decayLens.restartServer', async () => {
      crashPolicy.reset();
      await client?.restart();
    }),
    vscode.commands.registerCommand('decayLens.showOutput', () => outputChannel.show()),
  );
  await client.start();
}

/** Restarts a crashed server (the client re-opens the documents, so diagnostics come back). */
function crashHandler(policy: ServerCrashPolicy, outputChannel: vscode.LogOutputChannel): ErrorHandler {
  return {
    // A broken message: keep the connection; a dead server shows up as `closed`.
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const decision = policy.onUnexpectedClose(Date.now());
      if (decision.action === 'giveUp') {
        const message = `Decay Lens: the language server crashed ${decision.crashes} times in ${decision.windowMinutes} minutes and was not restarted.`;
        outputChannel.error(message);
        void vscode.window.showErrorMessage(message, 'Show Output', 'Restart').then((choice) => {
          if (choice === 'Show Output') outputChannel.show();
          if (choice === 'Restart') void vscode.commands.executeCommand('decayLens.restartServer');
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      outputChannel.warn('The language server stopped unexpectedly; restarting it.');
      if (decision.announce) {
        void vscode.window
          .showWarningMessage('Decay Lens: the language server stopped unexpectedly and was restarted.', 'Show Output')
          .then((choice) => choice && outputChannel.show());
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
