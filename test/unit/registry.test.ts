// The rule registry, the docs and the README agree: every rule has a page with the sections a
// page needs, named by the rule's slug, and the rule tables of the docs are rendered from it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/rules';
import { RULE_TABLES, tableIn } from '../../scripts/ruleTables';

const root = path.resolve(__dirname, '..', '..');

test('rule codes are unique and in order, slugs are kebab-case', () => {
  const codes = rules.map((rule) => rule.code);
  assert.deepEqual(codes, [...new Set(codes)].sort());
  for (const rule of rules) assert.match(rule.name, /^[a-z]+(-[a-z0-9]+)*$/);
});

test('every rule has a docs page with its slug and the four sections; no page without a rule', () => {
  const pages = readdirSync(path.join(root, 'docs', 'rules')).filter((file) => file.endsWith('.md'));
  assert.deepEqual(pages.sort(), rules.map((rule) => `${rule.code}.md`).sort());
  for (const rule of rules) {
    const page = readFileSync(path.join(root, 'docs', 'rules', `${rule.code}.md`), 'utf8');
    assert.match(page.split('\n')[0], new RegExp(`^# ${rule.code}: ${rule.name}$`));
    for (const section of ['## What it finds', '## Why it matters', '## Example', '## How to silence it']) {
      assert.ok(page.includes(section), `${rule.code}.md lacks "${section}"`);
    }
    assert.ok(page.includes(`decay-lens: ignore[${rule.code}]`), `${rule.code}.md shows its suppression comment`);
  }
});

test('the rule tables of the README, the user guide and the protocol doc are rendered from the registry (npm run docs:rules)', () => {
  for (const { file, table } of RULE_TABLES) {
    assert.equal(tableIn(readFileSync(path.join(root, file), 'utf8')), table(), `${file}: run npm run docs:rules`);
  }
});
