// The real server with clients that send less than VS Code: a null answer to
// workspace/configuration, no workspace/configuration at all (settings pushed instead), no
// workspace folder and no root URI, and position encodings offered without UTF-16. Every feature
// must still work, and positions stay in UTF-16 code units, which the server declares.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientCapabilities, CodeAction, CodeLens, Diagnostic, InlayHint, InitializeParams } from 'vscode-languageserver-protocol';
import { coupledAdam } from '../support/editors';
import { TestLspClient } from '../support/lspClient';

const { text, decayArgument, optimizerLine: decayLine } = coupledAdam;
const lines = text.split('\n');
const uri = 'file:///virtual/coupled_adam.py';
// The emoji inside the decay argument is two UTF-16 code units, one UTF-32, four UTF-8 bytes.
const decayStart = lines[decayLine].indexOf(decayArgument);
const paramsStart = lines[decayLine].indexOf(coupledAdam.params);
// vscode-languageserver's severities.
const WARNING = 2;
const INFORMATION = 3;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const severityOf = (code: string) => (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === code)?.severity;

async function started(t: TestContext, options: Parameters<typeof TestLspClient.start>[0]): Promise<TestLspClient> {
  const client = await TestLspClient.start(options);
  t.after(() => client.stop());
  return client;
}

test('a null answer to workspace/configuration, whole or per item, means the default settings', async (t) => {
  const client = await started(t, {});
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, (d) => severityOf('WD203')(d) === INFORMATION);
  // The server asks again on every didChangeConfiguration; each answer below replaces the last.
  const answer = async (configuration: unknown, severity: number) => {
    client.connection.onRequest('workspace/configuration', () => configuration);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (d) => severityOf('WD203')(d) === severity);
  };
  const raised = [{ rules: { WD203: 'warning' } }];
  await answer(raised, WARNING);
  await answer(null, INFORMATION);
  await answer(raised, WARNING);
  await answer([null], INFORMATION);
  assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['WD202', 'WD203']);
  assert.deepEqual(client.logs.filter((line) => /failed/.test(line)), []);
});

test('a client without workspace/configuration pushes its settings with didChangeConfiguration', async (t) => {
  const client = await started(t, { capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, (d) => severityOf('WD203')(d) === INFORMATION);
  const push = (settings: unknown) => client.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  await push({ decayLens: { rules: { WD203: 'warning' } } });
  await client.waitForDiagnostics(uri, (d) => severityOf('WD203')(d) === WARNING);
  // Pushed settings are the whole state: settings of other servers only mean the defaults here.
  await push({ pylsp: { plugins: {} } });
  await client.waitForDiagnostics(uri, (d) => severityOf('WD203')(d) === INFORMATION);
  await push({ decayLens: { enable: false } });
  await client.waitForDiagnostics(uri, (d) => d.length === 0);
  assert.deepEqual(client.logs.filter((line) => /failed/.test(line)), []);
});

const noFolders: [string, Partial<InitializeParams>][] = [
  ['left out', { rootUri: undefined, workspaceFolders: undefined }],
  ['null', { rootUri: null, workspaceFolders: null }],
];
for (const [how, initialize] of noFolders) {
  test(`with workspaceFolders and rootUri ${how}, an open document gets every feature`, async (t) => {
    const client = await started(t, { initialize });
    await client.waitForLog(/no workspace folder: only open documents are analysed/);
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['WD202', 'WD203']);
    const hover = await client.hover(uri, decayLine, decayStart + 1);
    assert.match(hover?.contents.value ?? '', /Weight decay of Adam/);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command?.title]), [[decayLine, 'Run decay sweep']]);
    // Decay inlay hints are for SGD: the same program with SGD, in a second open document.
    const sgdUri = 'file:///virtual/coupled_sgd.py';
    await client.open(sgdUri, text.replace('torch.optim.Adam(', 'torch.optim.SGD('));
    await client.waitForDiagnostics(sgdUri, (d) => d.length > 0);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: sgdUri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
    assert.ok(hints.some((hint) => /\/step/.test(String(hint.label))), JSON.stringify(hints));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.ok(actions.some((action) => action.title === 'Switch to AdamW (decoupled weight decay)'), JSON.stringify(actions.map((action) => action.title)));
  });
}

const offers: string[][] = [['utf-8'], ['utf-32'], ['utf-32', 'utf-8']];
for (const positionEncodings of offers) {
  test(`offered position encodings ${positionEncodings.join(', ')} without utf-16: the server declares utf-16 and keeps to it both ways`, async (t) => {
    const capabilities: ClientCapabilities = {
      general: { positionEncodings },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
      workspace: { configuration: true },
    };
    const client = await started(t, { capabilities });
    assert.equal(client.initializeResult?.capabilities.positionEncoding, 'utf-16');
    await client.open(uri, text);

    // Out: diagnostics, related locations and hover ranges in UTF-16 code units.
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length === 2);
    const wd202 = diagnostics.find((d) => d.code === 'WD202')!;
    const wd203 = diagnostics.find((d) => d.code === 'WD203')!;
    const decayRange = { start: { line: decayLine, character: decayStart }, end: { line: decayLine, character: decayStart + decayArgument.length } };
    assert.deepEqual(wd202.range, decayRange);
    assert.deepEqual(wd203.range, { start: { line: decayLine, character: paramsStart }, end: { line: decayLine, character: paramsStart + coupledAdam.params.length } });
    assert.deepEqual(wd203.relatedInformation?.map((info) => info.location.range), [decayRange]);
    // In: a hover asked at the last UTF-16 code unit of the argument (the emoji's second half and
    // `']` would be past its end counted in UTF-32).
    const hover = await client.hover(uri, decayLine, decayStart + decayArgument.length - 1);
    assert.deepEqual(hover && 'range' in hover ? hover.range : undefined, decayRange);

    // Out: a quick fix's edits, applied in UTF-16, give the text the fix means.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: wd203.range, context: { diagnostics: [wd203] } });
    const exclude = actions.find((action) => action.title.startsWith('Exclude biases'));
    const document = TextDocument.create(uri, 'python', 1, text);
    const fixed = TextDocument.applyEdits(document, exclude?.edit?.changes?.[uri] ?? []).split('\n');
    assert.deepEqual(fixed.slice(decayLine, decayLine + 3), coupledAdam.quickFixed);

    // In: an incremental change placed by UTF-16 columns after the emoji on the settings line.
    const settingsLine = lines.findIndex((line) => line.startsWith('réglages = '));
    const value = lines[settingsLine].indexOf('5e-4');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: settingsLine, character: value }, end: { line: settingsLine, character: value + '5e-4'.length } }, text: '1e-2' }],
    });
    const changed = await client.waitForDiagnostics(uri, (d) => d.some((diagnostic) => diagnostic.code === 'WD202' && String(diagnostic.message).includes('weight_decay=0.01')));
    assert.deepEqual(codes(changed), ['WD202', 'WD203']);
  });
}
