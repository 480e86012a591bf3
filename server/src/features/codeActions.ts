// Quick fixes. A diagnostic carries its finding's fix recipes in `data` (no server state); the
// rule of its code computes the edits from the current text of files, which may have changed since
// the analysis. "Ignore CODE on this line" is offered for every rule here: it is the editor's, not
// a fix `check --fix` applies.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Fix, TextOf } from '../analysis/findings';
import { isScriptPath } from '../analysis/sourceLanguage';
import { isFixRecipe } from '../findingShapes';
import { isRecord } from '../isRecord';
import { fixesOf } from '../rules';
import { linesOf, pointAt } from '../rules/fixText';
import { toLspRange } from './diagnostics';

/** `textOf(uri)`: the current text of a file (a fix may edit the file with the optimizer). */
export function codeActionsFor(diagnostic: Diagnostic, uri: string, textOf: TextOf): CodeAction[] {
  if (diagnostic.source !== 'decay-lens') return [];
  const data = isRecord(diagnostic.data) ? diagnostic.data : {};
  const code = typeof diagnostic.code === 'string' ? diagnostic.code : typeof data.code === 'string' ? data.code : undefined;
  if (!code) return [];
  const recipes = Array.isArray(data.fixes) ? data.fixes.filter(isFixRecipe) : [];
  const actions: CodeAction[] = fixesOf(code, recipes, textOf).map((fix, index) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: index === 0,
    edit: workspaceEdit(fix),
  }));
  const text = textOf(uri);
  if (text !== undefined) {
    const silence = silenceOnLine(code, diagnostic.range.start.line, text, isScriptPath(uri) ? '//' : '#');
    actions.push({ title: `Ignore ${code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [silence] } } });
  }
  return actions;
}

function workspaceEdit(fix: Fix): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, range, newText } of fix.edits) (changes[uri] ??= []).push({ range: toLspRange(range), newText });
  return { changes };
}

/** Appends `# decay-lens: ignore[CODE]`, or adds the code to the line's existing list. */
/** `comment`: the line comment marker of the file's language (`#`, or `//` in TypeScript and JavaScript). */
function silenceOnLine(code: string, line: number, text: string, comment: '#' | '//'): TextEdit {
  const content = linesOf(text)[line]?.replace(/\r$/, '') ?? '';
  const existing = new RegExp(`${comment}\\s*decay-lens:\\s*ignore\\[([^\\]]*)\\]`).exec(content);
  const column = existing ? existing.index + existing[0].length - 1 : content.length;
  return { range: toLspRange(pointAt(line, column)), newText: existing ? `, ${code}` : `  ${comment} decay-lens: ignore[${code}]` };
}
