// `npm run docs:rules`: rewrites the rule tables of the docs from the rule registry (see ruleTables.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, RULE_TABLES, withTable } from './ruleTables';

for (const { file, table } of RULE_TABLES) {
  const full = path.join(ROOT, file);
  const text = readFileSync(full, 'utf8');
  const updated = withTable(text, table());
  if (updated === text) continue;
  writeFileSync(full, updated);
  console.log(`updated ${file}`);
}
