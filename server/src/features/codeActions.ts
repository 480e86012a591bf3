// Quick fixes, built from what the diagnostic carries in `data` (no server state): WD101 sums the
// collection into the minimized loss, WD103 adds model.losses to the tape's loss, WD202 switches
// Adam to AdamW, WD203 splits off a no-decay group (optax: adds a mask), and every rule can be
// silenced on its line.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { FindingData, Location } from '../analysis/findings';
import { isScriptPath } from '../analysis/sourceLanguage';
import { toLspRange } from './diagnostics';

type DiagnosticData = FindingData & { code?: string };

/** LF, or a lone CR (a line end for LSP clients); a CRLF line keeps its CR, stripped where it matters. */
const LINE_BREAK = /\n|\r(?!\n)/;

/** `textOf(uri)`: the current text of a file (a fix may edit the file with the optimizer). */
export function codeActionsFor(diagnostic: Diagnostic, uri: string, textOf: (uri: string) => string | undefined): CodeAction[] {
  if (diagnostic.source !== 'decay-lens') return [];
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  const code = typeof diagnostic.code === 'string' ? diagnostic.code : data.code;
  if (!code) return [];
  const actions: CodeAction[] = [];
  const fix =
    code === 'WD101'
      ? sumIntoLoss(data, textOf)
      : code === 'WD103'
        ? addModelLosses(data, textOf)
        : code === 'WD202'
          ? switchToAdamW(data, textOf)
          : code === 'WD203'
            ? data.decayCall
              ? maskOptaxDecay(data.decayCall, textOf)
              : splitNoDecayGroup(data, textOf)
            : undefined;
  if (fix) actions.push({ ...fix, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true });
  const text = textOf(uri);
  if (text !== undefined) {
    const silence = silenceOnLine(code, diagnostic.range.start.line, text, isScriptPath(uri) ? '//' : '#');
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
  const lines = text.split(LINE_BREAK);
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

/** `loss = loss_fn(y, logits)` -> `loss = loss_fn(y, logits) + tf.add_n(model.losses)`: the regularizers join the tape's loss. */
function addModelLosses(data: DiagnosticData, textOf: (uri: string) => string | undefined): { title: string; edit: WorkspaceEdit } | undefined {
  const { lossDefinition: definition, trainedModel: model } = data;
  const text = definition && textOf(definition.uri);
  if (!definition || !model || text === undefined) return undefined;
  const value = textIn(text.split(LINE_BREAK), definition);
  if (value === undefined) return undefined;
  const addition = `${tensorflowAlias(text)}.add_n(${model}.losses)`;
  const { startLine, startColumn, endLine, endColumn } = definition.range;
  const end = { line: endLine, character: endColumn };
  // `a + b` or `a if c else b` needs parentheses before `+ ...`; a name or a single call does not.
  const edits: TextEdit[] = isPrimary(value)
    ? [{ range: { start: end, end }, newText: ` + ${addition}` }]
    : [
        { range: { start: { line: startLine, character: startColumn }, end: { line: startLine, character: startColumn } }, newText: '(' },
        { range: { start: end, end }, newText: `) + ${addition}` },
      ];
  return { title: `Add ${addition} to the loss`, edit: { changes: { [definition.uri]: edits } } };
}

/** A dotted name, or one call whose argument list closes at the very end. */
function isPrimary(expression: string): boolean {
  const open = expression.indexOf('(');
  if (open < 0) return /^[\w.]+$/.test(expression);
  if (!/^[\w.]+\s*$/.test(expression.slice(0, open))) return false;
  let depth = 0;
  for (let index = open; index < expression.length; index++) {
    const char = expression[index];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index === expression.length - 1;
  }
  return false;
}

/** `torch.optim.Adam(...)` -> `torch.optim.AdamW(...)`: the same weight_decay, decoupled. */
function switchToAdamW(data: DiagnosticData, textOf: (uri: string) => string | undefined): { title: string; edit: WorkspaceEdit } | undefined {
  const callee = data.optimizerCallee;
  const text = callee && textOf(callee.uri);
  if (!callee || text === undefined || !slice(text.split(LINE_BREAK), callee)?.endsWith('Adam')) return undefined;
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
  const lines = text.split(LINE_BREAK);
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

/** `optax.adamw(1e-3)` -> `optax.adamw(1e-3, mask=...)`: decay only parameters of two or more dimensions. */
function maskOptaxDecay(call: Location, textOf: (uri: string) => string | undefined): { title: string; edit: WorkspaceEdit } | undefined {
  const text = textOf(call.uri);
  // The mask uses jax.tree_util: only offered where `jax` is imported by that name.
  if (text === undefined || !/^\s*import\s+jax\s*$/m.test(text)) return undefined;
  const lines = text.split(LINE_BREAK);
  const { endLine, endColumn } = call.range;
  const source = textIn(lines, call);
  if (!source?.endsWith(')')) return undefined;
  // After a trailing comma (`optax.adamw(\n    1e-3,  # lr\n)`, comments aside) the keyword needs no comma of its own.
  const trailingComma = /,\s*\)$/.test(source.replace(/#[^\n]*/g, ''));
  const at = { line: endLine, character: endColumn - 1 };
  const mask = 'mask=lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params)';
  return {
    title: 'Exclude biases and normalization scales from weight decay (mask=)',
    edit: { changes: { [call.uri]: [{ range: { start: at, end: at }, newText: trailingComma ? `${mask}, ` : `, ${mask}` }] } },
  };
}

/** Appends `# decay-lens: ignore[CODE]`, or adds the code to the line's existing list. */
/** `comment`: the line comment marker of the file's language (`#`, or `//` in TypeScript and JavaScript). */
function silenceOnLine(code: string, line: number, text: string, comment: '#' | '//'): TextEdit {
  const content = text.split(LINE_BREAK)[line]?.replace(/\r$/, '') ?? '';
  const existing = new RegExp(`${comment}\\s*decay-lens:\\s*ignore\\[([^\\]]*)\\]`).exec(content);
  if (existing) {
    const end = existing.index + existing[0].length - 1;
    return { range: toLspRange({ startLine: line, startColumn: end, endLine: line, endColumn: end }), newText: `, ${code}` };
  }
  return {
    range: toLspRange({ startLine: line, startColumn: content.length, endLine: line, endColumn: content.length }),
    newText: `  ${comment} decay-lens: ignore[${code}]`,
  };
}

/** How the file names TensorFlow: `import tensorflow.compat.v1 as tf1` gives `tf1`. */
function tensorflowAlias(text: string): string {
  const aliased = /^\s*import\s+tensorflow(?:\.compat\.v1)?\s+as\s+(\w+)/m.exec(text);
  if (aliased) return aliased[1];
  return /^\s*import\s+tensorflow\s*$/m.test(text) ? 'tensorflow' : 'tf';
}

/** The text of a location that may span lines. */
function textIn(lines: string[], location: Location): string | undefined {
  const { startLine, startColumn, endLine, endColumn } = location.range;
  if (endLine >= lines.length) return undefined;
  if (startLine === endLine) return lines[startLine].slice(startColumn, endColumn);
  return [lines[startLine].slice(startColumn), ...lines.slice(startLine + 1, endLine), lines[endLine].slice(0, endColumn)].join('\n');
}

function slice(lines: string[], location: Location): string | undefined {
  const { startLine, startColumn, endLine, endColumn } = location.range;
  if (startLine !== endLine) return undefined;
  return lines[startLine]?.slice(startColumn, endColumn);
}
