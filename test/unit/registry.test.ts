// The rule registry, the docs and the README agree: every rule has a page with the sections a
// page needs, named by the rule's slug, and a row in the README table.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/rules';

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

test('the README lists every rule with its default severity', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const rule of rules) {
    assert.match(readme, new RegExp(`\\[${rule.code}\\]\\(docs/rules/${rule.code}\\.md\\) \\| ${rule.defaultSeverity} \\|`));
  }
});
