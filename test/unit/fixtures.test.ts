// Every fixture workspace yields exactly the findings its `# expect:` comments name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rules } from '../../server/src/rules';
import { actualFindings, analyzeFiles, expectedFindings, fixtureWorkspaces, typescriptFixtures } from '../support/fixtures';

for (const workspace of fixtureWorkspaces()) {
  test(`fixture ${workspace.name}`, async () => {
    const result = await analyzeFiles(workspace.files);
    assert.deepEqual(actualFindings(result), expectedFindings(workspace.files));
  });
}

for (const workspace of fixtureWorkspaces(typescriptFixtures)) {
  test(`fixture typescript/${workspace.name}`, async () => {
    const result = await analyzeFiles(workspace.files);
    assert.deepEqual(actualFindings(result), expectedFindings(workspace.files));
  });
}

test('every rule code has a firing fixture and a silent one exists', () => {
  const expectedCodes = new Set(fixtureWorkspaces().flatMap((w) => expectedFindings(w.files).map((e) => e.split(' ')[1])));
  for (const { code } of rules) assert.ok(expectedCodes.has(code), `${code} has no fixture`);
  assert.ok(fixtureWorkspaces().some((w) => w.name.startsWith('ok_') && expectedFindings(w.files).length === 0));
});
