// Shape checks for the params of the messages the server acts on: a client (or anything writing to
// the server's stdin) may send anything, and a malformed request gets an InvalidParams error, a
// malformed document notification a log line, instead of reaching the analysis and failing there.
import { ErrorCodes, ResponseError, type CancellationToken, type Connection, type HandlerResult, type ProtocolRequestType } from 'vscode-languageserver';
import { isRecord } from './isRecord';

type Shape = 'textDocument' | 'position' | 'range' | 'diagnostics' | 'command';

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown) => isRecord(value) && isCount(value.line) && isCount(value.character);
const isRange = (value: unknown) => isRecord(value) && isPosition(value.start) && isPosition(value.end);
const isDiagnostic = (value: unknown) => isRecord(value) && isRange(value.range);
const isDocument = (value: unknown): value is Record<string, unknown> & { uri: string } => isRecord(value) && typeof value.uri === 'string';

const needs: Record<Shape, string> = {
  textDocument: 'textDocument: {uri}',
  position: 'position: {line, character}',
  range: 'range: {start, end}',
  diagnostics: 'range and context: {diagnostics: [{range, ...}]}',
  command: 'command: string, arguments?: [...]',
};

function hasShape(params: Record<string, unknown>, shape: Shape): boolean {
  switch (shape) {
    case 'textDocument':
      return isDocument(params.textDocument);
    case 'position':
      return isPosition(params.position);
    case 'range':
      return isRange(params.range);
    case 'diagnostics':
      return isRange(params.range) && isRecord(params.context) && Array.isArray(params.context.diagnostics) && params.context.diagnostics.every(isDiagnostic);
    case 'command':
      return typeof params.command === 'string' && (params.arguments === undefined || Array.isArray(params.arguments));
  }
}

/** An InvalidParams error when `params` lack one of `shapes`; undefined when they are well formed. */
export function invalidParams(method: string, params: unknown, shapes: readonly Shape[]): ResponseError<void> | undefined {
  if (isRecord(params) && shapes.every((shape) => hasShape(params, shape))) return undefined;
  return new ResponseError(ErrorCodes.InvalidParams, `${method} needs ${shapes.map((shape) => needs[shape]).join(', ')}`);
}

/**
 * Answers the request `type` with `handler`, after `invalidParams`. Registered on the connection
 * itself: vscode-languageserver's `onHover` and its kin read `params.workDoneToken` before any
 * handler runs, so `null` params would fail there as an InternalError.
 */
export function onCheckedRequest<P, R, PR, RO>(
  connection: Connection,
  type: ProtocolRequestType<P, R, PR, void, RO>,
  shapes: readonly Shape[],
  handler: (params: P, token: CancellationToken) => HandlerResult<R, void>,
): void {
  connection.onRequest(type, (params: P, token: CancellationToken) => invalidParams(type.method, params, shapes) ?? handler(params, token));
}

export type DocumentSyncMethod = 'textDocument/didOpen' | 'textDocument/didChange' | 'textDocument/didClose' | 'textDocument/didSave' | 'textDocument/willSave';

const isContentChange = (value: unknown) => isRecord(value) && typeof value.text === 'string' && (value.range === undefined || isRange(value.range));

/** What a document notification's params lack, or undefined when they are well formed. */
export function documentSyncProblem(method: DocumentSyncMethod, params: unknown): string | undefined {
  const fields = isRecord(params) ? params : {};
  const document = fields.textDocument;
  switch (method) {
    case 'textDocument/didOpen':
      if (isDocument(document) && typeof document.languageId === 'string' && Number.isInteger(document.version) && typeof document.text === 'string') return undefined;
      return `ignored ${method}: it needs textDocument: {uri, languageId, version, text}`;
    case 'textDocument/didChange':
      if (isDocument(document) && Number.isInteger(document.version) && Array.isArray(fields.contentChanges) && fields.contentChanges.every(isContentChange)) return undefined;
      return `ignored ${method}: it needs textDocument: {uri, version}, contentChanges: [{text, range?}]`;
    default:
      return isDocument(document) ? undefined : `ignored ${method}: it needs textDocument: {uri}`;
  }
}
