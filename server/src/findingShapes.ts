// Shape checks for findings and their parts read back from outside the process: the CLI's cache
// files and the `Diagnostic.data` a client sends with a code action request.
import type { Finding, FixRecipe, Location } from './analysis/findings';
import { isRecord } from './isRecord';

export function isLocation(value: unknown): value is Location {
  if (!isRecord(value) || typeof value.uri !== 'string' || !isRecord(value.range)) return false;
  const range = value.range;
  return ['startLine', 'startColumn', 'endLine', 'endColumn'].every((field) => Number.isInteger(range[field]) && (range[field] as number) >= 0);
}

export function isFixRecipe(value: unknown): value is FixRecipe {
  return isRecord(value) && Object.values(value).every((field) => ['string', 'number', 'boolean', 'undefined'].includes(typeof field) || isLocation(field));
}

/** What the formatters and fixes read of a finding is there, with the right types. */
export function isFinding(value: unknown): value is Finding {
  return (
    isLocation(value) &&
    isRecord(value) &&
    ['code', 'severity', 'message'].every((field) => typeof value[field] === 'string') &&
    Array.isArray(value.related) &&
    value.related.every((related) => isLocation(related) && isRecord(related) && typeof related.message === 'string') &&
    isRecord(value.data) &&
    (value.fixes === undefined || (Array.isArray(value.fixes) && value.fixes.every(isFixRecipe)))
  );
}
