// Shape checks for the params of the requests the server answers: a client (or anything writing to
// the server's stdin) may send anything, and a malformed request gets an InvalidParams error
// instead of reaching the analysis and failing there.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { isRecord } from './isRecord';

type Shape = 'position' | 'range' | 'diagnostics';

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown) => isRecord(value) && isCount(value.line) && isCount(value.character);
const isRange = (value: unknown) => isRecord(value) && isPosition(value.start) && isPosition(value.end);
const isDiagnostic = (value: unknown) => isRecord(value) && isRange(value.range);

const needs: Record<Shape, string> = {
  position: 'position: {line, character}',
  range: 'range: {start, end}',
  diagnostics: 'range and context: {diagnostics: [{range, ...}]}',
};

/**
 * An InvalidParams error when `params` lacks `textDocument.uri` or one of `shapes`; undefined when
 * they are well formed.
 */
export function invalidParams(method: string, params: unknown, ...shapes: Shape[]): ResponseError<void> | undefined {
  const valid =
    isRecord(params) &&
    isRecord(params.textDocument) &&
    typeof params.textDocument.uri === 'string' &&
    shapes.every((shape) => {
      if (shape === 'position') return isPosition(params.position);
      if (shape === 'range') return isRange(params.range);
      return isRange(params.range) && isRecord(params.context) && Array.isArray(params.context.diagnostics) && params.context.diagnostics.every(isDiagnostic);
    });
  if (valid) return undefined;
  return new ResponseError(ErrorCodes.InvalidParams, `${method} needs textDocument: {uri}${shapes.map((shape) => `, ${needs[shape]}`).join('')}`);
}
