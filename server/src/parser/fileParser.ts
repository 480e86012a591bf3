// One file's text to its IR, with the grammar its name calls for. The workspace analysis parses
// through it, and so do the threads of a check (groupAnalyst.ts).
import type { Language } from 'web-tree-sitter';
import type { ModuleIR } from '../analysis/ir';
import { unanalysableReason } from '../analysis/sourceFiles';
import { scriptGrammarOf, type ScriptGrammar } from '../analysis/sourceLanguage';
import { PythonDocument, SourceDocument } from './pythonDocument';
import { loadPythonLanguage, loadScriptLanguages, ParseBudgetError } from './treeSitter';
import { createTypeScriptConverter } from './typescriptIr';

/**
 * A parsed file: its IR, or why it is not analysed. JSON-safe (parse threads send it as JSON).
 * `timedOut`: the parse ran over its time budget, which depends on the machine's load.
 */
export type ParsedFile = { ir: ModuleIR } | { skipped: string; timedOut?: true };

/**
 * A lone CR ends a line for LSP clients (and Python), not for tree-sitter's rows: make it a LF
 * (same length, so offsets and columns stay) or every position after it is off by lines.
 */
export function normalizeLineEnds(source: string): string {
  // Most texts have no CR at all: finding none is far cheaper than running the pattern.
  return source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
}

export class FileParser {
  private constructor(
    private readonly python: Language,
    private readonly scripts: Record<ScriptGrammar, Language>,
  ) {}

  static async create(): Promise<FileParser> {
    const [python, scripts] = await Promise.all([loadPythonLanguage(), loadScriptLanguages()]);
    return new FileParser(python, scripts);
  }

  /**
   * Normalizes and parses a text with `document` (a new one when not given). Returns the text, its
   * IR or why it is not analysed, and the document that parsed it (none when it was refused:
   * never keep the previous text's tree for a text we could not read).
   */
  parse(uri: string, source: string, document?: SourceDocument): { text: string; parsed: ParsedFile; document?: SourceDocument } {
    const text = normalizeLineEnds(source);
    const reason = unanalysableReason(text);
    if (reason) {
      document?.dispose();
      return { text, parsed: { skipped: reason } };
    }
    const parser = document ?? this.newDocument(uri);
    try {
      return { text, parsed: { ir: parser.update(text) }, document: parser };
    } catch (error) {
      parser.dispose();
      const skipped = `could not be parsed: ${error instanceof Error ? error.message : String(error)}`;
      return { text, parsed: error instanceof ParseBudgetError ? { skipped, timedOut: true } : { skipped } };
    }
  }

  /** Parses a file and forgets its syntax tree. */
  parseOnly(uri: string, text: string): ParsedFile {
    const { parsed, document } = this.parse(uri, text);
    document?.dispose();
    return parsed;
  }

  /** TypeScript and JavaScript files by their extension; everything else (notebooks included) is Python. */
  private newDocument(uri: string): SourceDocument {
    const grammar = scriptGrammarOf(uri);
    return grammar ? new SourceDocument(this.scripts[grammar], createTypeScriptConverter()) : new PythonDocument(this.python);
  }
}
