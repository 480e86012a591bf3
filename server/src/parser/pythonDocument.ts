// One source file kept parsed: re-parses incrementally when the text changes, and reuses the IR
// of top-level statements whose text did not change, so an edit costs little more than the edit.
// The grammar and the conversion of one top-level statement are the language's (Python here,
// TypeScript/JavaScript in typescriptIr.ts).
import type { Language, Node, Parser, Point, Tree } from 'web-tree-sitter';
import type { Range } from '../analysis/findings';
import { appendAll, type ModuleIR, type Stmt } from '../analysis/ir';
import { convertTopLevel, rangeOf } from './pythonIr';
import { createParser, parseWithinBudget } from './treeSitter';

/** Converts one top-level statement; `tooDeep` lists where nesting was cut off. */
export type TopLevelConverter = (node: Node) => { stmts: Stmt[]; tooDeep: Range[] };

/**
 * Converting costs ~2.5 µs per syntax node (each node access crosses into wasm): statements past
 * this many nodes in one file are left out, so no file costs more than ~0.75 s. A realistic 1 MiB
 * file has ~270,000; a 5,000-line function ~75,000.
 */
export const MAX_FILE_NODES = 300_000;

/** Words of the code the rules read (imports, regularizers, collections, optimizers, training calls). */
const DECAY_CODE = /\b(?:import|regulari[sz]|decay|l2|collection|losses|optim|minimize|backward|gradient|fit|train|penalty|def|class)/i;

/** A top-level statement's node id, its number of syntax nodes and its text's offsets. */
interface StatementSize {
  id: number;
  nodes: number;
  start: number;
  end: number;
}

interface CachedStatement {
  startLine: number;
  stmts: Stmt[];
  tooDeep: Range[];
}

export class SourceDocument {
  private readonly parser: Parser;
  private tree: Tree | undefined;
  private text = '';
  private statementCache = new Map<string, CachedStatement>();

  constructor(
    language: Language,
    private readonly convert: TopLevelConverter,
  ) {
    this.parser = createParser(language);
  }

  /** Replaces the text (re-parsing only what changed) and returns the module's IR. */
  update(newText: string): ModuleIR {
    const oldTree = this.tree;
    if (oldTree) oldTree.edit(singleEdit(this.text, newText));
    const tree = parseWithinBudget(this.parser, newText, oldTree);
    oldTree?.delete();
    this.tree = tree;
    this.text = newText;
    return this.buildIr(tree.rootNode);
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = undefined;
    this.parser.delete();
  }

  private buildIr(root: Node): ModuleIR {
    const nextCache = new Map<string, CachedStatement>();
    const body: Stmt[] = [];
    const unanalysed: ModuleIR['unanalysed'] = [];
    // Decided on the whole tree, cached statements too: an edit must leave out what a fresh parse would.
    const statements = root.namedChildren.filter((node): node is Node => node !== null && node.type !== 'comment');
    // Each property read crosses into the parser's WebAssembly: read once per statement (error
    // recovery can make hundreds of thousands of top-level nodes).
    const sizes = statements.map((node) => ({ id: node.id, nodes: node.descendantCount, start: node.startIndex, end: node.endIndex }));
    const tooLarge = this.leftOut(sizes);
    const brokenFile = root.hasError;
    statements.forEach((node, i) => {
      if (tooLarge.has(node.id)) {
        unanalysed.push({ range: rangeOf(node), reason: 'too large to analyse' });
        return;
      }
      // In a file with errors the same text can parse into another statement (an error swallowing
      // part of it): nothing is reused there.
      const key = node.startPosition.column === 0 && !node.hasError && !brokenFile ? this.text.slice(sizes[i].start, sizes[i].end) : undefined;
      const startLine = node.startPosition.row;
      let converted: CachedStatement;
      const cached = key === undefined ? undefined : this.statementCache.get(key) ?? nextCache.get(key);
      if (cached) {
        converted = cached.startLine === startLine ? cached : { ...shiftLines(cached, startLine - cached.startLine), startLine };
      } else {
        converted = { startLine, ...this.convert(node) };
      }
      if (key !== undefined) nextCache.set(key, converted);
      appendAll(body, converted.stmts);
      for (const range of converted.tooDeep) unanalysed.push({ range, reason: 'nested too deeply' });
    });
    this.statementCache = nextCache;
    if (root.hasError) for (const range of collectErrors(root, tooLarge)) unanalysed.push({ range, reason: 'syntax error' });
    return { body, unanalysed };
  }

  /**
   * The top-level statements left out when the file has more syntax nodes than MAX_FILE_NODES: the
   * largest first among those that name nothing decay code uses (a data table, a generated
   * constant), then the largest of the rest, until what is kept fits.
   */
  private leftOut(sizes: readonly StatementSize[]): Set<number> {
    let total = sizes.reduce((sum, size) => sum + size.nodes, 0);
    const left = new Set<number>();
    if (total <= MAX_FILE_NODES) return left;
    const order = sizes
      .map((size) => ({ ...size, decay: DECAY_CODE.test(this.text.slice(size.start, size.end)) }))
      .sort((a, b) => Number(a.decay) - Number(b.decay) || b.nodes - a.nodes);
    for (const size of order) {
      if (total <= MAX_FILE_NODES) break;
      left.add(size.id);
      total -= size.nodes;
    }
    return left;
  }
}

export class PythonDocument extends SourceDocument {
  constructor(language: Language) {
    super(language, convertTopLevel);
  }
}

/** Deep copy of IR with every line moved by `delta` (the objects are plain data). */
function shiftLines<T>(value: T, delta: number): T {
  return JSON.parse(JSON.stringify(value), (key, field) =>
    (key === 'startLine' || key === 'endLine') && typeof field === 'number' ? field + delta : field,
  ) as T;
}

/** Syntax errors outside the statements in `leftOut` (listing a huge statement's children alone takes ~0.3 s). */
function collectErrors(root: Node, leftOut: ReadonlySet<number>): Range[] {
  const errors: Range[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0 && errors.length < 100) {
    const node = stack.pop()!;
    if (leftOut.has(node.id)) continue;
    if (node.type === 'ERROR' || node.isMissing) {
      errors.push(rangeOf(node));
      continue;
    }
    for (const child of node.children) if (child?.hasError || child?.isMissing) stack.push(child);
  }
  return errors;
}

const CHUNK = 256;

/** The one edit that turns `before` into `after`: common prefix and suffix kept. */
function singleEdit(before: string, after: string) {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  // Whole chunks first: comparing slices runs in native code, far faster than a char loop.
  while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd - CHUNK >= start && newEnd - CHUNK >= start && before.slice(oldEnd - CHUNK, oldEnd) === after.slice(newEnd - CHUNK, newEnd)) {
    oldEnd -= CHUNK;
    newEnd -= CHUNK;
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const startPosition = pointAt(before, start);
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: pointAfter(before, start, oldEnd, startPosition),
    newEndPosition: pointAfter(after, start, newEnd, startPosition),
  };
}

function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}

function pointAfter(text: string, from: number, index: number, fromPoint: Point): Point {
  let { row, column } = fromPoint;
  let lineStart = from - column;
  for (let i = text.indexOf('\n', from); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  column = index - lineStart;
  return { row, column };
}
