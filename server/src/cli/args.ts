// Argument parsing shared by the commands: node:util parseArgs, its errors as usage errors.
import { parseArgs } from 'node:util';

/** Wrong use of the command line: reported with the usage text, exit 2. */
export class UsageError extends Error {}

/** node:util parseArgs, with its errors (unknown option, missing value) turned into usage errors. */
export function parse<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Keep node's first sentence ("Unknown option '--x'"); the rest is advice about '--'.
    const message = error instanceof Error ? error.message : String(error);
    const first = message.split(/\.(\s|$)/)[0];
    throw new UsageError(first.charAt(0).toLowerCase() + first.slice(1));
  }
}

/** A whole number of at least 1, e.g. `--jobs 2`. */
export function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} takes a whole number of at least 1 (got '${text}')`);
  return value;
}

/** A finite number above 0, e.g. `--lr 0.1`. */
export function positiveNumber(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} takes a positive number (got '${text}')`);
  return value;
}
