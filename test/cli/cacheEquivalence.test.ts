// The check's cache across runs (issue 16): after any sequence of edits, a check that reuses the
// stored link facts and group results reports byte for byte what a check without a cache reports.
// Random edit sequences on a generated workspace, each kind of edit one that moves files between
// independent groups or changes what a group's analysis reads from outside it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateWorkspace, writeWorkspace } from '../../bench/generateWorkspace';
import { checkPaths, type CheckReport } from '../../server/src/cli/check';
import { Random } from '../../runtime/src/sweep/random';
import { tempFolder } from '../support/tempFolder';

const PACKAGES = 4;
const STEPS = 40;
/** Each kind of edit at least this often over the sequence. */
const EACH_KIND_AT_LEAST = 4;

type Edit = (folder: string, random: Random) => string;

/** Files the edits added: removed again by `removeAdded`. */
const ADDED = ['bridge.py', 'flag_defs.py', 'handler.py', 'tuner.py'];

const edits: Record<string, Edit> = {
  // A package's shared module: the collection its terms go to (its findings change).
  toggleCollection(folder, random) {
    const file = path.join(folder, `project_${random.integer(PACKAGES)}`, 'layers.py');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.includes("'weight_losses'") ? text.replace("'weight_losses'", "'losses'") : text.replace("tf.add_to_collection('losses', weight_decay)", "tf.add_to_collection('weight_losses', weight_decay)"));
    return `collection in ${path.relative(folder, file)}`;
  },
  // A leaf: a training script's text, nothing else.
  touchScript(folder, random) {
    const pkg = path.join(folder, `project_${random.integer(PACKAGES)}`);
    const scripts = [...generated.files.keys()].filter((name) => name.startsWith(path.basename(pkg) + '/') && /train_\d+\.py$/.test(name));
    const file = path.join(folder, scripts[random.integer(scripts.length)]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# touched ${random.integer(1000)}\n`);
    return `touched ${file}`;
  },
  // The same size as before (after its first time): only the stat's times tell the text changed.
  flipSameSize(folder, random) {
    const file = path.join(folder, `project_${random.integer(PACKAGES)}`, 'layers.py');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.includes("'losses'") ? text.replace("'losses'", "'lossez'") : text.replace("'lossez'", "'losses'"));
    return `same-size flip in ${path.relative(folder, file)}`;
  },
  // A module importing two packages: their groups become one.
  bridgePackages(folder, random) {
    const [a, b] = [random.integer(PACKAGES), random.integer(PACKAGES)];
    writeFileSync(path.join(folder, 'bridge.py'), `from project_${a} import layers as first\nfrom project_${b} import layers as second\n\nBLOCKS = [first.conv_block, second.conv_block]\n`);
    return `bridge ${a} ${b}`;
  },
  // absl flags defined in a module nobody imports: every FLAGS reader is linked to it.
  defineFlags(folder, random) {
    writeFileSync(path.join(folder, 'flag_defs.py'), `from absl import flags\nflags.DEFINE_float('weight_decay', ${random.integer(2) === 0 ? '5.0' : '5e-4'}, 'L2')\n`);
    return 'flags';
  },
  // A class whose method shares a name with one called on handed-in objects: method counts change.
  addHandler(folder, random) {
    const name = ['training_loss', 'step', 'forward'][random.integer(3)];
    writeFileSync(path.join(folder, 'handler.py'), `class Handler:\n    def ${name}(self, x, y):\n        return x - 1e-4 * y\n`);
    return `handler ${name}`;
  },
  // A script setting an attribute from outside, and using a class name as a value.
  addTuner(folder) {
    writeFileSync(path.join(folder, 'tuner.py'), `import sys\nsession = object()\nsession.hidden = float(sys.argv[1])\nRUNNERS = {'net': Net}\n`);
    return 'tuner';
  },
  removeAdded(folder, random) {
    const file = path.join(folder, ADDED[random.integer(ADDED.length)]);
    if (existsSync(file)) rmSync(file);
    return `removed ${path.basename(file)}`;
  },
};

const generated = generateWorkspace(PACKAGES * 50, 21);
// A loop calling a method on a model handed in, which only one class defines (in a module it
// imports): its WD302 holds while no other class defines `training_loss` (addHandler may).
generated.files.set('project_0/fit_loop.py', `from .net_loss import NetLoss


def fit(model, opt, batches):
    for x, y in batches:
        opt.zero_grad()
        loss = model.training_loss(x, y)
        loss.backward()
        opt.step()
`);
generated.files.set('project_0/net_loss.py', `import torch


class NetLoss(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 2)

    def training_loss(self, x, y):
        return ((self.fc(x) - y) ** 2).mean() - 1e-4 * self.fc.weight.pow(2).sum()
`);

function comparable(report: CheckReport): unknown {
  return { findings: report.findings, skipped: report.skipped, partial: report.partial, filesChecked: report.filesChecked };
}

test(`${STEPS} random edits: the cached check after each equals a check without a cache`, async (t) => {
  const folder = tempFolder(t, 'decay-lens-cache-equivalence-');
  const cacheFolder = path.join(tempFolder(t, 'decay-lens-cache-equivalence-store-'), 'cache');
  writeWorkspace(folder, generated);
  const random = new Random(5);
  const kinds = Object.keys(edits);
  // Every kind often enough, in a random order.
  const sequence = [...kinds.flatMap((kind) => Array<string>(EACH_KIND_AT_LEAST).fill(kind)), ...Array.from({ length: STEPS - kinds.length * EACH_KIND_AT_LEAST }, () => kinds[random.integer(kinds.length)])];
  for (let i = sequence.length - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    [sequence[i], sequence[j]] = [sequence[j], sequence[i]];
  }
  // Stats vouch for texts at once here (not after 2 s): every unchanged file is taken from the
  // cache's index. No texts for the output's fixes and fingerprints: only what the analysis reads.
  const trustStatsAfterMs = 0;
  const withSources = false;
  // A short journal: some runs add to it, others write the entry files whole.
  const cacheJournalMax = 4;
  assert.equal(await checkPaths([folder], folder, { jobs: 2, cacheFolder, trustStatsAfterMs, withSources, cacheJournalMax }).then((report) => report.filesParsed), generated.files.size);
  assert.equal(await checkPaths([folder], folder, { jobs: 2, cacheFolder, trustStatsAfterMs, withSources, cacheJournalMax }).then((report) => report.filesRead), 0, 'nothing changed: nothing is read');
  const done: string[] = [];
  let reused = 0;
  let fewRead = 0;
  for (const kind of sequence) {
    done.push(edits[kind](folder, random));
    const cached = await checkPaths([folder], folder, { jobs: 1 + (done.length % 2), cacheFolder, trustStatsAfterMs, withSources, cacheJournalMax });
    const cold = await checkPaths([folder], folder, { jobs: 1 });
    assert.deepEqual(comparable(cached), comparable(cold), `after ${done.join(', ')}`);
    if (cached.filesParsed! < cold.filesParsed! / 2) reused++;
    if (cached.filesRead! < cold.filesRead! / 2) fewRead++;
  }
  // Most edits reach one package: the cache spares the rest, and reads only what an edit's groups need.
  assert.ok(reused >= STEPS / 2, `${reused} of ${STEPS} checks parsed less than half the files`);
  assert.ok(fewRead >= STEPS / 2, `${fewRead} of ${STEPS} checks read less than half the files`);
});
