// Hover: the smallest hover fact around the position.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { HoverFact } from '../analysis';
import { containsPosition } from '../analysis/ir';
import { toLspRange } from './diagnostics';

export function hoverAt(facts: readonly HoverFact[], uri: string, position: Position): Hover | null {
  let best: HoverFact | undefined;
  for (const fact of facts) {
    if (fact.uri !== uri || !containsPosition(fact.range, position.line, position.character)) continue;
    if (!best || span(fact) < span(best)) best = fact;
  }
  if (!best) return null;
  return { contents: { kind: MarkupKind.Markdown, value: best.markdown() }, range: toLspRange(best.range) };
}

function span(fact: HoverFact): number {
  const r = fact.range;
  return (r.endLine - r.startLine) * 100_000 + (r.endColumn - r.startColumn);
}
