// The corpus (test/corpus) against its hand-written labels: every deviation must be listed with a
// reason in test/corpus/known-deviations.json, and every listed one must still occur. Also the
// runner itself, on a corpus written to a temporary folder.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { compareWithKnown, corpusWorkspaces, formatCorpusReport, readKnownDeviations, runCorpus, type Score } from '../support/corpus';
import { pythonFixtures } from '../support/fixtures';
import { tempFolder } from '../support/tempFolder';
import { lineOf } from '../support/text';

test('corpus: every deviation from the labels is known, and every known one still occurs', async (t) => {
  const report = await runCorpus();
  if (report.programs === 0) {
    t.diagnostic('found no programs in test/corpus');
    return;
  }
  for (const line of formatCorpusReport(report).split('\n')) t.diagnostic(line);
  const { unexpected, noLongerOccurring } = compareWithKnown(report.deviations, readKnownDeviations());
  assert.ok(unexpected.length === 0, `deviations not in test/corpus/known-deviations.json (regressions, or add each with its reason):\n${unexpected.join('\n')}`);
  assert.ok(noLongerOccurring.length === 0, `deviations that no longer occur (improvements): remove them from test/corpus/known-deviations.json:\n${noLongerOccurring.join('\n')}`);
});

test('the runner scores a corpus: matches, misses, false alarms, multi-file programs', async (t) => {
  const root = tempFolder(t, 'decay-lens-corpus-');
  const area = path.join(root, 'area');
  mkdirSync(area);
  const decayNeverSummed = readFileSync(path.join(pythonFixtures, 'WD101_direct_add.py'), 'utf8');
  writeFileSync(path.join(area, 'found.py'), decayNeverSummed);
  const unlabelled = decayNeverSummed.replaceAll('  # expect: WD101', '');
  writeFileSync(path.join(area, 'unlabelled.py'), unlabelled);
  writeFileSync(path.join(area, 'missed.py'), readFileSync(path.join(pythonFixtures, 'ok_adamw.py'), 'utf8').replace('import torch\n', 'import torch  # expect: WD202\n'));
  cpSync(path.join(pythonFixtures, 'cifar_split_broken'), path.join(area, 'split'), { recursive: true });
  // Neither a file directly in the root nor a folder without source files is a program.
  writeFileSync(path.join(root, 'known-deviations.json'), '{}');
  mkdirSync(path.join(area, 'notes'));
  writeFileSync(path.join(area, 'notes', 'README.md'), 'not a program');

  assert.deepEqual(corpusWorkspaces(root).map((workspace) => workspace.name), ['area/found.py', 'area/missed.py', 'area/split', 'area/unlabelled.py']);
  const report = await runCorpus(root);
  assert.deepEqual([report.programs, report.bugPrograms, report.cleanPrograms], [4, 3, 1]);
  const falseAlarm = (needle: string) => `area/unlabelled.py:${lineOf(unlabelled, needle)} WD101 false alarm`;
  assert.deepEqual(report.deviations, ['area/missed.py:1 WD202 missed', falseAlarm('l2_loss(w1)'), falseAlarm('l2_loss(w2)')]);
  const row = (codes: string) => report.scores.find((s) => s.codes === codes)!;
  // found.py: 2 labelled and found; split: 1 (model.py); unlabelled.py: 2 reported, none labelled.
  const wd101: Score = { codes: 'WD101', labelled: 3, reported: 5, truePositives: 3, falsePositives: 2, falseNegatives: 0, precision: 3 / 5, recall: 1 };
  assert.deepEqual(row('WD101'), wd101);
  assert.deepEqual(row('WD101-WD106'), { ...wd101, codes: 'WD101-WD106' });
  assert.deepEqual(row('WD202'), { codes: 'WD202', labelled: 1, reported: 0, truePositives: 0, falsePositives: 0, falseNegatives: 1, precision: null, recall: 0 });
  assert.deepEqual(row('all'), { codes: 'all', labelled: 4, reported: 5, truePositives: 3, falsePositives: 2, falseNegatives: 1, precision: 3 / 5, recall: 3 / 4 });
  assert.match(formatCorpusReport(report), /^4 programs: 3 with labelled bugs, 1 clean\n\ncodes +labelled +reported +TP +FP +FN +precision +recall\nWD101 +3 +5 +3 +2 +0 +0\.60 +1\.00\n/);
});

test('a corpus folder that does not exist holds no programs', async () => {
  const report = await runCorpus(path.join(__dirname, 'no-such-corpus'));
  assert.deepEqual([report.programs, report.deviations], [0, []]);
});

test('known deviations: unlisted ones are regressions, listed ones that stopped are improvements', () => {
  const known = { 'a/x.py:3 WD101 missed': 'needs call-site sensitivity', 'a/y.py:9 WD203 false alarm': 'param groups built in a loop' };
  assert.deepEqual(compareWithKnown(['a/x.py:3 WD101 missed', 'a/z.py:1 WD104 missed'], known), {
    unexpected: ['a/z.py:1 WD104 missed'],
    noLongerOccurring: ['a/y.py:9 WD203 false alarm'],
  });
});

test('each known deviation needs a written reason', (t) => {
  const file = path.join(tempFolder(t, 'decay-lens-known-'), 'known-deviations.json');
  writeFileSync(file, JSON.stringify({ 'a/x.py:3 WD101 missed': ' ' }));
  assert.throws(() => readKnownDeviations(file), /"a\/x\.py:3 WD101 missed" needs a written reason/);
  writeFileSync(file, '["a/x.py:3 WD101 missed"]');
  assert.throws(() => readKnownDeviations(file), /expected an object/);
  assert.deepEqual(readKnownDeviations(path.join(path.dirname(file), 'missing.json')), {});
});
