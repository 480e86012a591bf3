// Quick fixes the way the server offers them: built by the real code-action builder from the
// diagnostic's data, then applied to the workspace's texts.
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/analysis/findings';
import { codeActionsFor } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';

/** Every code action offered for `finding`, given the workspace's texts by URI. */
export function quickFixesFor(finding: Finding, texts: ReadonlyMap<string, string>): CodeAction[] {
  return codeActionsFor(toDiagnostic(finding, true), finding.uri, (uri) => texts.get(uri));
}

/** The texts after `action`'s edits; files it does not change keep their text. */
export function applyCodeAction(texts: ReadonlyMap<string, string>, action: CodeAction): Map<string, string> {
  const next = new Map(texts);
  for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
    next.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'python', 1, next.get(uri)!), edits));
  }
  return next;
}
