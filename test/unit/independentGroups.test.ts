// The CLI analyses a workspace one independent group of modules at a time (independentGroups.ts,
// groupAnalyst.ts).
// Each test here analyses a workspace both ways and compares everything: one test per way modules
// reach each other without importing one another, each written so that leaving that link out
// changes the findings, and the fixtures, the corpus and a generated workspace as a whole.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildModuleInfo } from '../../server/src/analysis/moduleInfo';
import { independentGroups } from '../../server/src/analysis/independentGroups';
import { WorkspaceModules } from '../../server/src/analysis/importResolver';
import { linkFactsOf, methodCounts } from '../../server/src/analysis/linkFacts';
import { FileParser } from '../../server/src/parser/fileParser';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';
import { analyzeInGroups } from '../../server/src/groupAnalyst';
import { generateWorkspace } from '../../bench/generateWorkspace';
import { fixtureWorkspaces, isSource, pythonFixtures, typescriptFixtures } from '../support/fixtures';
import { corpusWorkspaces } from '../support/corpus';
import { tempFolder } from '../support/tempFolder';

type Files = Record<string, string>;

const parserReady = FileParser.create();

async function parsedFiles(paths: readonly string[], read: (file: string) => string) {
  const parser = await parserReady;
  return paths.map((file) => {
    const uri = pathToFileURL(file).href;
    const text = read(file);
    return { uri, text, parsed: parser.parseOnly(uri, text) };
  });
}

/** Both analyses of the files, and how many groups the grouped one used. */
async function bothWays(paths: readonly string[], read: (file: string) => string) {
  const files = await parsedFiles(paths, read);
  const whole = WorkspaceAnalyzer.forParsedFiles();
  for (const { uri, text, parsed } of files) whole.addParsedFile(uri, text, parsed);
  const { findings, skipped, partial } = whole.analyze();
  const facts = files.flatMap(({ uri, parsed }) => ('ir' in parsed ? [linkFactsOf(buildModuleInfo(uri, parsed.ir))] : []));
  const groups = independentGroups(facts, new WorkspaceModules(facts), methodCounts(facts.map((module) => module.methods)));
  return { whole: { findings, skipped, partial }, grouped: analyzeInGroups(files), groups: groups.map((group) => group.map((module) => path.basename(module.filePath)).sort()) };
}

/** Writes the files under a fresh folder (imports resolve by path) and analyses them both ways. */
async function workspace(t: TestContext, files: Files) {
  const root = tempFolder(t, 'decay-lens-groups-');
  const paths = Object.entries(files).map(([relative, text]) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
  return bothWays(paths.sort(), (file) => readFileSync(file, 'utf8'));
}

const codes = (findings: readonly { code: string; uri: string }[]) => findings.map((finding) => `${finding.code} ${path.basename(new URL(finding.uri).pathname)}`);

/** A trainer whose decay is switched by an attribute its constructor stores: WD303 when every construction passes 0. */
const guardedTrainer = `import torch

class Trainer:
    def __init__(self, model, wd=0.0):
        self.model = model
        self.wd = wd

    def optimizer(self):
        if self.wd:
            return torch.optim.SGD(self.model.parameters(), lr=0.1, weight_decay=self.wd)
        return torch.optim.SGD(self.model.parameters(), lr=0.1)

trainer = Trainer(torch.nn.Linear(4, 2), wd=0.0)
opt = trainer.optimizer()
for x, y in batches():
    opt.zero_grad()
    ((trainer.model(x) - y) ** 2).mean().backward()
    opt.step()
`;

test('an attribute another module sets from outside keeps the constructions from deciding it', async (t) => {
  const { whole, grouped, groups } = await workspace(t, {
    'trainer.py': guardedTrainer,
    // Sets `wd` on some object: the guard's attribute may be set this way too.
    'tune.py': 'import sys\nsession = object()\nsession.wd = float(sys.argv[1])\n',
  });
  assert.deepEqual(groups, [['trainer.py', 'tune.py']]);
  // The decay may be on: then SGD decays the biases too.
  assert.deepEqual(codes(whole.findings), ['WD203 trainer.py']);
  assert.deepEqual(grouped, whole);
});

test('a class used as a value elsewhere keeps its constructions from deciding its attributes', async (t) => {
  const { whole, grouped, groups } = await workspace(t, {
    'trainer.py': guardedTrainer,
    // The name alone counts (a registry of another package's Trainer).
    'registry.py': 'from runners import Trainer\nRUNNERS = {"default": Trainer}\n',
  });
  assert.deepEqual(groups, [['registry.py', 'trainer.py']]);
  assert.deepEqual(codes(whole.findings), ['WD203 trainer.py']);
  assert.deepEqual(grouped, whole);
});

test('the same trainer alone is reported, so the two links above decide the findings', async (t) => {
  const { whole, grouped } = await workspace(t, { 'trainer.py': guardedTrainer, 'other.py': 'import os\nprint(os.getcwd())\n' });
  assert.deepEqual(codes(whole.findings), ['WD303 trainer.py']);
  assert.deepEqual(grouped, whole);
});

test('absl flags defined in a module nobody imports are read by every FLAGS user', async (t) => {
  const { whole, grouped, groups } = await workspace(t, {
    'flag_defs.py': "from absl import flags\nflags.DEFINE_float('weight_decay', 5.0, 'L2 factor')\n",
    'train.py': `import torch
from absl import app, flags

FLAGS = flags.FLAGS

def main(argv):
    model = torch.nn.Linear(4, 2, bias=False)
    opt = torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=FLAGS.weight_decay)
    for x, y in batches():
        opt.zero_grad()
        ((model(x) - y) ** 2).mean().backward()
        opt.step()

app.run(main)
`,
  });
  assert.deepEqual(groups, [['flag_defs.py', 'train.py']]);
  assert.deepEqual(codes(whole.findings), ['WD301 flag_defs.py']);
  assert.deepEqual(grouped, whole);
});

test('a method only one class defines runs for an object handed in, wherever the class is', async (t) => {
  const { whole, grouped, groups } = await workspace(t, {
    'loop.py': `def fit(model, opt, batches):
    for x, y in batches:
        opt.zero_grad()
        loss = model.training_loss(x, y)
        loss.backward()
        opt.step()
`,
    // The penalty is subtracted: a negative decay, found only where the method is trained.
    'net.py': `import torch

class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 2)

    def training_loss(self, x, y):
        return ((self.fc(x) - y) ** 2).mean() - 1e-4 * self.fc.weight.pow(2).sum()
`,
    'unrelated.py': 'import os\nprint(os.getcwd())\n',
  });
  assert.deepEqual(groups, [['loop.py', 'net.py'], ['unrelated.py']]);
  assert.deepEqual(codes(whole.findings), ['WD302 net.py']);
  assert.deepEqual(grouped, whole);
});

test('a handed-in object called like a function runs the one forward the workspace defines, wherever it is', async (t) => {
  const { whole, grouped, groups } = await workspace(t, {
    'loop.py': `def fit(model, opt, batches):
    for x, y in batches:
        opt.zero_grad()
        loss = model(x, y)
        loss.backward()
        opt.step()
`,
    'net.py': `import torch

class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(4, 2)

    def forward(self, x, y):
        return ((self.fc(x) - y) ** 2).mean() - 1e-4 * self.fc.weight.pow(2).sum()
`,
  });
  assert.deepEqual(groups, [['loop.py', 'net.py']]);
  assert.deepEqual(codes(whole.findings), ['WD302 net.py']);
  assert.deepEqual(grouped, whole);
});

test('an import of a package reaches the modules named under it', async (t) => {
  const { whole, grouped, groups } = await workspace(t, {
    'project/__init__.py': '',
    'project/settings.py': 'WEIGHT_DECAY = 5.0\n',
    'train.py': `import torch
import project

model = torch.nn.Linear(4, 2, bias=False)
opt = torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=project.settings.WEIGHT_DECAY)
for x, y in batches():
    opt.zero_grad()
    ((model(x) - y) ** 2).mean().backward()
    opt.step()
`,
  });
  assert.deepEqual(groups, [['__init__.py', 'settings.py', 'train.py']]);
  assert.deepEqual(codes(whole.findings), ['WD301 settings.py']);
  assert.deepEqual(grouped, whole);
});

test('the fixtures and the corpus analysed as one workspace: the same findings one group at a time', async () => {
  const workspaces = [...fixtureWorkspaces(pythonFixtures), ...fixtureWorkspaces(typescriptFixtures), ...corpusWorkspaces()];
  const paths = workspaces.flatMap((workspace) => workspace.files).filter(isSource).sort();
  const { whole, grouped, groups } = await bothWays(paths, (file) => readFileSync(file, 'utf8'));
  assert.ok(groups.length > 50, `${groups.length} groups`);
  assert.ok(whole.findings.length > 500);
  assert.deepEqual(grouped, whole);
});

test('a generated workspace of independent packages: one group per package at most, the same findings', async () => {
  const generated = generateWorkspace(400, 3);
  const root = '/generated';
  const { whole, grouped, groups } = await bothWays(
    [...generated.files.keys()].map((relative) => path.join(root, relative)).sort(),
    (file) => generated.files.get(path.relative(root, file))!,
  );
  assert.ok(groups.length >= 8, `${groups.length} groups`);
  assert.ok(whole.findings.length > 0);
  assert.deepEqual(grouped, whole);
});
