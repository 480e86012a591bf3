// Notebooks open in the editor (LSP notebook document sync): the code cells of each notebook are
// one module keyed by the notebook's URI; requests on a cell are answered on that module and the
// answers' positions mapped back to the cell. Cell documents arrive only through the notebook
// sync (a client syncs them there, not as text documents, once the server declares it).
import {
  NotebookCellKind,
  NotebookDocuments,
  type CodeLens,
  type Connection,
  type Hover,
  type InlayHint,
  type NotebookDocument,
  type NotebookDocumentSyncOptions,
  type Position,
  type Range as LspRange,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Location, Range } from '../analysis/findings';
import { toLspRange } from '../features/diagnostics';
import { findingLocations, mapFindingLocations } from './findingLocations';
import { buildNotebookModule, type CodeCell, type NotebookLineMap } from './notebookModule';

/** What the server declares: Jupyter notebooks, their Python cells. */
export const NOTEBOOK_SYNC_OPTIONS: NotebookDocumentSyncOptions = {
  notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }],
};

/** Where the server's analysis learns of notebook modules. */
export interface NotebookModuleSink {
  /** The notebook was opened or a cell changed: its module text is `text`. */
  update(notebookUri: string, text: string): void;
  closed(notebookUri: string): void;
}

interface OpenNotebook {
  lines: NotebookLineMap;
  /** The cell documents' URIs, by cell index. */
  cellUris: string[];
}

export class NotebookSync {
  private readonly documents = new NotebookDocuments(TextDocument);
  private readonly open = new Map<string, OpenNotebook>();

  constructor(private readonly sink: NotebookModuleSink) {}

  listen(connection: Connection): void {
    this.documents.onDidOpen((notebook) => this.rebuild(notebook));
    this.documents.onDidChange((event) => this.rebuild(event.notebookDocument));
    this.documents.onDidClose((notebook) => {
      this.open.delete(notebook.uri);
      this.sink.closed(notebook.uri);
    });
    this.documents.listen(connection);
  }

  /** Every cell document of the open notebooks (each gets diagnostics, even an empty list). */
  cellUris(): string[] {
    return [...this.open.values()].flatMap((notebook) => notebook.lines.cells.map((cell) => notebook.cellUris[cell]));
  }

  cellText(uri: string): string | undefined {
    return this.documents.cellTextDocuments.get(uri)?.getText();
  }

  /** The finding with every location in an open notebook's module (its own, related, fix data) moved into its cell. */
  toCells(finding: Finding): Finding {
    // The same object when nothing is in a notebook: the server reuses diagnostics by identity.
    if (this.open.size === 0 || !findingLocations(finding).some((location) => this.open.has(location.uri))) return finding;
    return mapFindingLocations(finding, (location) => this.toCellLocation(location));
  }

  /** A position in a cell as a position in its notebook's module. */
  toModule(uri: string, position: Position): { uri: string; position: Position } | undefined {
    const cell = this.cellOf(uri);
    if (!cell) return undefined;
    const line = cell.notebook.lines.toModuleLine(cell.index, position.line);
    return line === undefined ? undefined : { uri: cell.notebookUri, position: { line, character: position.character } };
  }

  /** `{uri, line}` of a cell (a sweep at the cursor) in module coordinates; other files unchanged. */
  toModuleLine<T extends { uri: string; line: number }>(target: T): T {
    const inModule = this.toModule(target.uri, { line: target.line, character: 0 });
    return inModule ? { ...target, uri: inModule.uri, line: inModule.position.line } : target;
  }

  /** A hover request on a cell, answered on the module. */
  hover(uri: string, position: Position, answer: (uri: string, position: Position) => Hover | null): Hover | null {
    const target = this.toModule(uri, position);
    if (!target) return this.cellOf(uri) ? null : answer(uri, position);
    const hover = answer(target.uri, target.position);
    if (!hover?.range) return hover;
    const range = this.cellRange(target.uri, fromLspRange(hover.range), uri);
    return range ? { ...hover, range } : null;
  }

  /** Lenses of a cell: the module's lenses that fall in it (their commands keep module coordinates). */
  codeLenses(uri: string, answer: (uri: string) => CodeLens[]): CodeLens[] {
    const cell = this.cellOf(uri);
    if (!cell) return answer(uri);
    return answer(cell.notebookUri).flatMap((lens) => {
      const range = this.cellRange(cell.notebookUri, fromLspRange(lens.range), uri);
      return range ? [{ ...lens, range }] : [];
    });
  }

  inlayHints(uri: string, answer: (uri: string) => InlayHint[]): InlayHint[] {
    const cell = this.cellOf(uri);
    if (!cell) return answer(uri);
    return answer(cell.notebookUri).flatMap((hint) => {
      const { line, character } = hint.position;
      const range = this.cellRange(cell.notebookUri, { startLine: line, startColumn: character, endLine: line, endColumn: character }, uri);
      return range ? [{ ...hint, position: range.start }] : [];
    });
  }

  private rebuild(notebook: NotebookDocument): void {
    const cells: CodeCell[] = [];
    notebook.cells.forEach((cell, index) => {
      if (cell.kind !== NotebookCellKind.Code) return;
      const document = this.documents.getCellTextDocument(cell);
      if (document && document.languageId === 'python') cells.push({ cell: index, source: document.getText() });
    });
    const module = buildNotebookModule(cells);
    this.open.set(notebook.uri, { lines: module.lines, cellUris: notebook.cells.map((cell) => cell.document) });
    this.sink.update(notebook.uri, module.text);
  }

  private cellOf(uri: string): { notebookUri: string; notebook: OpenNotebook; index: number } | undefined {
    const notebookUri = this.documents.findNotebookDocumentForCell(uri)?.uri;
    const notebook = notebookUri === undefined ? undefined : this.open.get(notebookUri);
    if (!notebookUri || !notebook) return undefined;
    const index = notebook.cellUris.indexOf(uri);
    return index >= 0 ? { notebookUri, notebook, index } : undefined;
  }

  private toCellLocation(location: Location): Location {
    const notebook = this.open.get(location.uri);
    if (!notebook) return location;
    const inCell = notebook.lines.rangeToCell(location.range);
    return inCell ? { uri: notebook.cellUris[inCell.cell], range: inCell.range } : location;
  }

  /** A module range as an LSP range in the cell `cellUri`, or undefined when it lies in another cell. */
  private cellRange(notebookUri: string, range: Range, cellUri: string) {
    const location = this.toCellLocation({ uri: notebookUri, range });
    return location.uri === cellUri ? toLspRange(location.range) : undefined;
  }
}

function fromLspRange(range: LspRange): Range {
  return { startLine: range.start.line, startColumn: range.start.character, endLine: range.end.line, endColumn: range.end.character };
}
