// Quick fixes, built from what the diagnostic carries in `data` (no server state): WD101 sums the
// collection into the minimized loss, WD202 switches Adam to AdamW, WD203 splits off a no-decay
// group, and every rule can be silenced on its line.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { FindingData, Location } from '../analysis/findings';
import { toLspRange } from './diagnostics';

type DiagnosticData = FindingData & { code?: string };

/** `textOf(uri)`: the current text of a file (a fix may edit the file with the optimizer). */
export function codeActionsFor(diagnostic: Diagnostic, uri: string, textOf: (uri: string) => string | undefined): CodeAction[] {
  if (diagnostic.source !== 'decay-lens') return [];
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  const code = typeof diagnostic.code === 'string' ? diagnostic.code : data.code;
  if (!code) return [];
  const actions: CodeAction[] = [];
  const fix = code === 'WD101' ? sumIntoLoss(data, textOf) : code === 'WD202' ? switchToAdamW(data, textOf) : code === 'WD203' ? splitNoDecayGroup(data, textOf) : undefined;
  if (fix) actions.push({ ...fix, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true });
  const text = textOf(uri);
  if (text !== undefined) {
    const silence = silenceOnLine(code, diagnostic.range.start.line, text);
    actions.push({ title: `Ignore ${code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [silence] } } });
  }
  return actions;
}

/**
 * `total_loss = tf.add_n(tf.get_collection('losses'))` (plus the minimized loss when the
 * collection does not hold it) before the optimizer's statement, and the optimizer minimizes it.
 */
function sumIntoLoss(data: DiagnosticData, textOf: (uri: string) => string | undefined): { title: string; edit: WorkspaceEdit } | undefined {
  const { collectionKey: key, lossArgument, sinkStatement } = data;
  if (!key || !lossArgument || !sinkStatement || lossArgument.uri !== sinkStatement.uri) return undefined;
  const text = textOf(sinkStatement.uri);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const statementLine = lines[sinkStatement.range.startLine] ?? '';
  const indent = /^\s*/.exec(statementLine)![0];
  const loss = slice(lines, lossArgument);
  if (loss === undefined) return undefined;
  const name = /\btotal_loss\b/.test(text) ? 'loss_with_decay' : 'total_loss';
  const tf = tensorflowAlias(text);
  const sum = `${tf}.add_n(${tf}.get_collection('${key}'))`;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const value = data.collectsDataLoss ? sum : `${loss} + ${sum}`;
  const edits: TextEdit[] = [
    { range: toLspRange({ startLine: sinkStatement.range.startLine, startColumn: 0, endLine: sinkStatement.range.startLine, endColumn: 0 }), newText: `${indent}${name} = ${value}${newline}` },
    { range: toLspRange(lossArgument.range), newText: name },
  ];
  return { title: `Minimize ${data.collectsDataLoss ? sum : `${loss} + ${sum}`}`, edit: { changes: { [sinkStatement.uri]: edits } } };
}

/** `torch.optim.Adam(...)` -> `torch.optim.AdamW(...)`: the same weight_decay, decoupled. */
function switchToAdamW(data: DiagnosticData, textOf: (uri: string) => string | undefined): { title: string; edit: WorkspaceEdit } | undefined {
  const callee = data.optimizerCallee;
  const text = callee && textOf(callee.uri);
  if (!callee || text === undefined || !slice(text.split('\n'), callee)?.endsWith('Adam')) return undefined;
  const end = { line: callee.range.endLine, character: callee.range.endColumn };
  return { title: 'Switch to AdamW (decoupled weight decay)', edit: { changes: { [callee.uri]: [{ range: { start: end, end }, newText: 'W' }] } } };
}

/**
 * `SGD(model.parameters(), weight_decay=wd)` -> two groups: weights of two or more dimensions
 * decay, biases and normalization weights (one dimension) do not.
 */
function splitNoDecayGroup(data: DiagnosticData, textOf: (uri: string) => string | undefined): { title: string; edit: WorkspaceEdit } | undefined {
  const { allParameters: params, optimizerStatement: statement } = data;
  const text = params && statement && params.uri === statement.uri ? textOf(params.uri) : undefined;
  if (!params || !statement || text === undefined) return undefined;
  const lines = text.split('\n');
  const call = slice(lines, params);
  if (!call) return undefined;
  const indent = /^\s*/.exec(lines[statement.range.startLine] ?? '')![0];
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const [decay, noDecay] = /\bdecay_params\b/.test(text) ? ['decayed_params', 'undecayed_params'] : ['decay_params', 'no_decay_params'];
  const lineStart = { line: statement.range.startLine, character: 0 };
  return {
    title: 'Exclude biases and normalization weights from weight decay',
    edit: {
      changes: {
        [params.uri]: [
          {
            range: { start: lineStart, end: lineStart },
            newText: `${indent}${decay} = [p for p in ${call} if p.ndim > 1]${newline}${indent}${noDecay} = [p for p in ${call} if p.ndim <= 1]${newline}`,
          },
          { range: toLspRange(params.range), newText: `[{'params': ${decay}}, {'params': ${noDecay}, 'weight_decay': 0.0}]` },
        ],
      },
    },
  };
}

/** Appends `# decay-lens: ignore[CODE]`, or adds the code to the line's existing list. */
function silenceOnLine(code: string, line: number, text: string): TextEdit {
  const content = text.split('\n')[line]?.replace(/\r$/, '') ?? '';
  const existing = /#\s*decay-lens:\s*ignore\[([^\]]*)\]/.exec(content);
  if (existing) {
    const end = existing.index + existing[0].length - 1;
    return { range: toLspRange({ startLine: line, startColumn: end, endLine: line, endColumn: end }), newText: `, ${code}` };
  }
  return {
    range: toLspRange({ startLine: line, startColumn: content.length, endLine: line, endColumn: content.length }),
    newText: `  # decay-lens: ignore[${code}]`,
  };
}

/** How the file names TensorFlow: `import tensorflow.compat.v1 as tf1` gives `tf1`. */
function tensorflowAlias(text: string): string {
  const aliased = /^\s*import\s+tensorflow(?:\.compat\.v1)?\s+as\s+(\w+)/m.exec(text);
  if (aliased) return aliased[1];
  return /^\s*import\s+tensorflow\s*$/m.test(text) ? 'tensorflow' : 'tf';
}

function slice(lines: string[], location: Location): string | undefined {
  const { startLine, startColumn, endLine, endColumn } = location.range;
  if (startLine !== endLine) return undefined;
  return lines[startLine]?.slice(startColumn, endColumn);
}
