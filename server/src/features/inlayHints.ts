// Decay hints (decayHints.ts) as LSP inlay hints.
import { InlayHintKind, MarkupKind, type InlayHint } from 'vscode-languageserver';
import type { DecayHint } from './decayHints';

/** The hints of one file, each after its decay value. */
export function decayInlayHints(hints: readonly DecayHint[], uri: string): InlayHint[] {
  return hints
    .filter((hint) => hint.uri === uri)
    .map((hint) => ({
      position: { line: hint.range.endLine, character: hint.range.endColumn },
      label: hint.label,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip() },
    }));
}
