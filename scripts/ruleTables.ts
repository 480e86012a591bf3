// The rule tables of the docs, rendered from the rule registry (server/src/rules/index.ts): written
// by `npm run docs:rules` (scripts/docsRules.ts), compared by test/unit/registry.test.ts.
import * as path from 'node:path';
import { rules } from '../server/src/rules';

export const ROOT = path.resolve(__dirname, '..');

const BEGIN = '<!-- rule table: generated from server/src/rules by `npm run docs:rules` -->';
const END = '<!-- end of rule table -->';

/** Each document with a rule table (paths from the root) and the table it holds. */
export const RULE_TABLES: readonly { file: string; table: () => string }[] = [
  { file: 'README.md', table: () => findsTable('docs/rules/') },
  { file: 'docs/user-guide.md', table: () => findsTable('rules/') },
  { file: 'docs/protocol.md', table: fixesTable },
];

function findsTable(pages: string): string {
  return table(['code', 'default severity', 'finds'], rules.map((rule) => [`[${rule.code}](${pages}${rule.code}.md)`, rule.defaultSeverity, rule.finds]));
}

/** What a diagnostic's code means to a client: its severity unless configured, and its quick fix. */
function fixesTable(): string {
  return table(['code', 'default severity', 'quick fix'], rules.map((rule) => [`[${rule.code}](rules/${rule.code}.md)`, rule.defaultSeverity, rule.fix?.does ?? 'none']));
}

function table(header: string[], rows: string[][]): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

/** The table between the markers of `text`; undefined when the markers are missing. */
export function tableIn(text: string): string | undefined {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END, begin);
  return begin < 0 || end < 0 ? undefined : text.slice(begin + BEGIN.length, end).trim();
}

/** `text` with the table between its markers replaced by `rendered`. */
export function withTable(text: string, rendered: string): string {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END, begin);
  if (begin < 0 || end < 0) throw new Error(`no rule table markers (${BEGIN} ... ${END})`);
  return `${text.slice(0, begin + BEGIN.length)}\n${rendered}\n${text.slice(end)}`;
}
