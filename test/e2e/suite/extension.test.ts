// Smoke tests in a real VS Code, through the public `vscode` API, against the extension installed
// from the VSIX and the workspace test/e2e/run.ts prepared (a copy of examples/cifar10_broken).
// Everything that depends on the language server is awaited by polling with a deadline.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, UI_CHECK_MARKER, type E2eConfig, type UiCheckResult } from './handshake';

const EXTENSION_ID = 'decay-lens.decay-lens';

// Absent when another runner loads the suite: the page check is skipped then.
const configFile = path.join(__dirname, CONFIG_FILE_NAME);
const config: E2eConfig = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : {};

/**
 * Calls `probe` until it returns something other than undefined, every `intervalMs`, and fails
 * after `timeoutMs` with `what` and the last state `probe` reported through `seen`.
 */
async function waitFor<T>(
  what: string,
  probe: (seen: (state: unknown) => void) => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = 'nothing yet';
  const seen = (state: unknown) => {
    last = state;
  };
  for (;;) {
    const value = await probe(seen);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last, null, 1)?.slice(0, 2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? code.value : code;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function labelText(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

/** Process ids of this extension's language servers, from /proc (Linux; the e2e runs there). */
function languageServerPids(extensionPath: string): number[] {
  const serverScript = path.join(extensionPath, 'dist', 'server.js');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(serverScript);
      } catch {
        return false; // exited while we looked
      }
    })
    .map(Number);
}

async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  // The second argument resolves that many lenses, for servers that fill commands in lazily.
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000)) ?? [];
}

describe('Decay Lens in a real VS Code', function () {
  let document: vscode.TextDocument;
  let uri: vscode.Uri;
  /** 0-based line of `tf.add_to_collection('losses', weight_decay)`, where WD101 starts. */
  let wd101Line: number;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'VS Code opened no workspace folder');
    uri = vscode.Uri.joinPath(folder.uri, 'cifar10.py');
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    wd101Line = document.getText().split('\n').findIndex((line) => line.includes("tf.add_to_collection('losses', weight_decay)"));
    assert.ok(wd101Line >= 0, 'the fixture changed: no add_to_collection of weight_decay in cifar10.py');
  });

  it('activates on a Python file (under run.ts: the extension installed from the VSIX)', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    if (config.extensionPath) assert.equal(path.resolve(extension.extensionPath), path.resolve(config.extensionPath));
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
    assert.equal(document.languageId, 'python');
  });

  it('reports WD101 on the add_to_collection line, with related information at the optimizer', async function () {
    const diagnostic = await waitFor(
      'a WD101 diagnostic from decay-lens',
      (seen) => {
        const diagnostics = vscode.languages.getDiagnostics(uri);
        seen(diagnostics.map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line}`));
        return diagnostics.find((d) => d.source === 'decay-lens' && codeOf(d) === 'WD101');
      },
      60_000, // the first analysis waits for the server to start and load tree-sitter
    );
    assert.equal(diagnostic.range.start.line, wd101Line);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const related = diagnostic.relatedInformation ?? [];
    const atOptimizer = related.find(
      (info) =>
        info.location.uri.toString() === uri.toString() &&
        /\bopt\b|Optimizer|minimize|compute_gradients/.test(document.lineAt(info.location.range.start.line).text),
    );
    assert.ok(
      atOptimizer,
      `no related information points at the optimizer: ${JSON.stringify(related.map((info) => [info.location.range.start.line, info.message]))}`,
    );
  });

  it('explains the decay flow on hover over add_to_collection', async function () {
    const position = new vscode.Position(wd101Line, document.lineAt(wd101Line).text.indexOf('add_to_collection') + 3);
    const text = await waitFor('a hover with the decay flow', async (seen) => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
      const joined = hoverText(hovers);
      seen(joined);
      return joined.includes('Weight decay flow') ? joined : undefined;
    });
    assert.match(text, /Weight decay flow/);
  });

  // The sweep in the editor: the server's "Run decay sweep" code lens (`decayLens.runSweep`),
  // the result in the lens and in inlay hints, and the client's chart panel.
  describe('decay sweeps', function () {
    let sweepLine: number | undefined;
    /** The line the sweep ran for, where its inlay hint goes. */
    let sweptLine: number | undefined;
    let headline: string | undefined;

    it('offers a "Run decay sweep" code lens', async function () {
      const lens = await waitFor('a Run decay sweep code lens', async (seen) => {
        const lenses = await codeLenses(uri);
        seen(lenses.map((l) => `${l.range.start.line}: ${l.command?.title} (${l.command?.command})`));
        const sweeps = lenses.filter((l) => l.command?.command === 'decayLens.runSweep' && l.command.title === 'Run decay sweep');
        // The lens nearest the WD101 line belongs to that decay source.
        return sweeps.sort((a, b) => Math.abs(a.range.start.line - wd101Line) - Math.abs(b.range.start.line - wd101Line))[0];
      });
      sweepLine = lens.range.start.line;
    });

    it('shows the squiggle and the code lens in the editor (checked through the page by run.ts)', async function () {
      if (!config.uiCheckDir) this.skip();
      this.timeout(120_000);
      // Code lenses render only in the visible part of the editor: show the lens and the squiggle.
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      const lensLine = sweepLine ?? wd101Line;
      editor.revealRange(new vscode.Range(Math.min(lensLine, wd101Line), 0, Math.max(lensLine, wd101Line), 0), vscode.TextEditorRevealType.InCenter);
      console.log(`page check: lens at line ${lensLine + 1}, WD101 at line ${wd101Line + 1}`);
      const resultFile = path.join(config.uiCheckDir, 'ui-check.json');
      // run.ts watches the log for this line, checks the page and answers in resultFile.
      console.log(`${UI_CHECK_MARKER}editor ${resultFile}`);
      const result = await waitFor<UiCheckResult>(
        'run.ts to check the page',
        () => (existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined),
        100_000,
      );
      assert.ok(result.ok, result.details);
    });

    it('runs a sweep through decayLens.runSweep and answers with a headline', async function () {
      this.timeout(240_000);
      const line = sweepLine ?? wd101Line;
      // RunSweepArguments (server/src/protocol.ts): the uri travels as a string.
      const outcome = await vscode.commands.executeCommand<{ headline?: unknown } | null | undefined>('decayLens.runSweep', {
        uri: uri.toString(),
        line,
      });
      assert.ok(outcome && typeof outcome.headline === 'string', `decayLens.runSweep answered ${JSON.stringify(outcome)?.slice(0, 500)}`);
      const text = outcome.headline as string;
      // The same headline test/lsp/sweeps.test.ts expects for this example.
      assert.match(text, /^Decay sweep: as written \(no decay reaches the loss\) val [\d.]+ ± [\d.]+ · as intended \(wd=0\.004\) val [\d.]+ ± [\d.]+/);
      // The proxy follows the example's code: its convolutions and poolings, decay on local3 and local4.
      const spec = (outcome as { result?: { spec?: { network?: { kind: string }[]; decayLayers?: number[] } } }).result?.spec;
      assert.deepEqual(spec?.network?.map((layer) => layer.kind), ['conv', 'maxpool', 'conv', 'maxpool', 'flatten', 'dense', 'dense', 'dense']);
      assert.deepEqual(spec?.decayLayers, [2, 3]);
      headline = text;
      sweptLine = line;
    });

    it('shows the headline in the code lens', async function () {
      assert.ok(headline, 'no sweep result (the previous test failed)');
      await waitFor('a code lens titled with the headline', async (seen) => {
        const titles = (await codeLenses(uri)).map((lens) => lens.command?.title ?? '');
        seen(titles);
        return titles.some((title) => title.includes(headline!)) ? true : undefined;
      });
    });

    it('shows inlay hints with decay values', async function () {
      assert.ok(headline && sweptLine !== undefined, 'no sweep result (the previous test failed)');
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      await waitFor(`an inlay hint containing wd= on line ${sweptLine + 1}`, async (seen) => {
        const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, whole)) ?? [];
        seen(hints.map((hint) => `${hint.position.line}: ${labelText(hint)}`));
        return hints.some((hint) => hint.position.line === sweptLine && labelText(hint).includes('wd=')) ? true : undefined;
      });
    });

    it('opens the sweep chart panel', async function () {
      assert.ok(headline, 'no sweep result (the previous test failed)');
      await vscode.commands.executeCommand('decayLens.showSweepChart');
      await waitFor('a decayLens.sweepChart webview tab', (seen) => {
        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
        seen(tabs.map((tab) => (tab.input instanceof vscode.TabInputWebview ? `webview ${tab.input.viewType}` : tab.label)));
        return tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('decayLens.sweepChart'))
          ? true
          : undefined;
      });
      if (!config.uiCheckDir) return;
      // The panel must draw the sweep, not its placeholder: run.ts looks into the webview's frames.
      const resultFile = path.join(config.uiCheckDir, 'chart-check.json');
      console.log(`${UI_CHECK_MARKER}chart ${resultFile}`);
      const result = await waitFor<UiCheckResult>(
        'run.ts to check the chart',
        () => (existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined),
        60_000,
      );
      assert.ok(result.ok, result.details);
    });
  });

  describe('TF.js and notebooks', function () {
    it('reports WD103 on a TF.js regularizer in a TypeScript file', async function () {
      const folder = vscode.workspace.workspaceFolders![0];
      const tsUri = vscode.Uri.joinPath(folder.uri, 'tfjs', 'classifier.ts');
      const tsDocument = await vscode.workspace.openTextDocument(tsUri);
      await vscode.window.showTextDocument(tsDocument, { preview: false });
      const regularizerLine = tsDocument.getText().split('\n').findIndex((line) => line.includes('units: 128'));
      const diagnostic = await waitFor('WD103 in classifier.ts', (seen) => {
        const diagnostics = vscode.languages.getDiagnostics(tsUri);
        seen(diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}`));
        return diagnostics.find((d) => codeOf(d) === 'WD103' && d.range.start.line === regularizerLine);
      });
      assert.match(diagnostic.message, /calculateLosses/);
    });

    it('reports WD103 on the right notebook cell, with the tape in another cell as related information', async function () {
      const folder = vscode.workspace.workspaceFolders![0];
      const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'notebook', 'cifar10_keras.ipynb'));
      await vscode.window.showNotebookDocument(notebook);
      const modelCell = notebook.getCells().find((cell) => cell.document.getText().includes('def build_model'));
      const stepCell = notebook.getCells().find((cell) => cell.document.getText().includes('tape.gradient'));
      assert.ok(modelCell && stepCell, 'the example notebook changed');
      const diagnostics = await waitFor('WD103 on the model cell', (seen) => {
        const found = vscode.languages.getDiagnostics(modelCell.document.uri);
        seen(found.map((d) => `${codeOf(d)}@${d.range.start.line}`));
        const wd103 = found.filter((d) => codeOf(d) === 'WD103');
        return wd103.length === 2 ? wd103 : undefined;
      });
      const lines = modelCell.document.getText().split('\n');
      assert.deepEqual(
        diagnostics.map((d) => d.range.start.line).sort((a, b) => a - b),
        lines.flatMap((line, index) => (line.includes('kernel_regularizer') ? [index] : [])),
      );
      const related = diagnostics[0].relatedInformation ?? [];
      assert.ok(
        related.some((info) => info.location.uri.toString() === stepCell.document.uri.toString()),
        `related information: ${JSON.stringify(related.map((info) => info.location.uri.toString()))}`,
      );
    });
  });

  describe('a crashed language server', function () {
    it('is restarted by the client, and its diagnostics come back', async function () {
      this.timeout(120_000);
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension);
      const before = languageServerPids(extension.extensionPath);
      assert.equal(before.length, 1, `expected one language server process, found ${JSON.stringify(before)}`);
      process.kill(before[0], 'SIGKILL');
      const restarted = await waitFor('a new language server process', (seen) => {
        const now = languageServerPids(extension.extensionPath);
        seen(now);
        return now.length === 1 && now[0] !== before[0] ? now[0] : undefined;
      });
      // Diagnostics published by the new process: re-analysed, not left over. The client clears
      // the old ones when the connection closes, so wait for WD101 to be there again.
      await waitFor('WD101 again after the restart', (seen) => {
        const codes = vscode.languages.getDiagnostics(uri).map(codeOf);
        seen({ restarted, codes });
        return codes.includes('WD101') ? true : undefined;
      });
      const position = new vscode.Position(wd101Line, document.lineAt(wd101Line).text.indexOf('add_to_collection') + 3);
      await waitFor('a hover from the restarted server', async () => {
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
        return hoverText(hovers).includes('Weight decay flow') ? true : undefined;
      });
    });
  });
});
