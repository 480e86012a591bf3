// Incremental analysis (re-parse of the changed text, reused statement IR and function
// summaries) must give exactly what a fresh analysis of the same texts gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WorkspaceAnalyzer, type AnalysisResult } from '../../server/src/workspaceAnalyzer';
import { fixtureWorkspaces } from '../support/fixtures';

/** A seeded generator, so a failure names the edit sequence that produced it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const edits: ((lines: string[], line: number) => void)[] = [
  (lines, line) => lines.splice(line, 1), // delete a line
  (lines, line) => lines.splice(line, 0, ''), // insert a blank line
  (lines, line) => lines.splice(line, 0, lines[line] ?? ''), // duplicate a line
  (lines, line) => (lines[line] = (lines[line] ?? '').replace(/0\.00\d/, '0.009')), // change a decay value
  (lines, line) => (lines[line] = (lines[line] ?? '').replace(/tf\.add_n\(tf\.get_collection\('losses'\)[^)]*\)/, 'cross_entropy_mean')), // drop the sum
  (lines, line) => (lines[line] = (lines[line] ?? '').slice(0, Math.floor((lines[line] ?? '').length / 2))), // truncate a line
  (lines, line) => {
    // change a module-level constant (a learning rate or decay read inside functions)
    const constants = lines.flatMap((text, index) => (/^[A-Z_]+ = [0-9.]+/.test(text) ? [index] : []));
    const index = constants[line % Math.max(1, constants.length)];
    if (index !== undefined) lines[index] = lines[index].replace(/= [0-9.]+/, lines[index].includes('= 30.0') ? '= 0.1' : '= 30.0');
  },
];

function normalize(result: AnalysisResult) {
  return {
    findings: result.findings,
    hovers: result.hovers().map((hover) => ({ uri: hover.uri, range: hover.range, markdown: hover.markdown() })),
    partial: result.partial,
  };
}

test('incremental analysis equals a fresh analysis after random edits', async () => {
  const incremental = await WorkspaceAnalyzer.create();
  const next = random(20261125);
  for (const workspace of fixtureWorkspaces()) {
    const texts = new Map(workspace.files.map((file) => [pathToFileURL(file).href, readFileSync(file, 'utf8')]));
    for (const [uri, text] of texts) incremental.setFile(uri, text, { incremental: true });
    incremental.analyze();
    for (let step = 0; step < 16; step++) {
      const uris = [...texts.keys()];
      const uri = uris[Math.floor(next() * uris.length)];
      const lines = texts.get(uri)!.split('\n');
      const edit = Math.floor(next() * edits.length);
      const line = Math.floor(next() * lines.length);
      edits[edit](lines, line);
      texts.set(uri, lines.join('\n'));
      incremental.setFile(uri, texts.get(uri)!, { incremental: true });
      const fresh = await WorkspaceAnalyzer.create();
      for (const [freshUri, text] of texts) fresh.setFile(freshUri, text);
      assert.deepEqual(normalize(incremental.analyze()), normalize(fresh.analyze()), `${workspace.name}, step ${step}: edit ${edit} at line ${line + 1} of ${uri}`);
    }
    for (const uri of texts.keys()) incremental.removeFile(uri);
  }
});
