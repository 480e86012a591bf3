// Reading the user's data files: the checks before the bytes are read (a regular file, its type,
// the size limit), file system errors as messages that start with the path, and the seeded split
// into training and validation rows shared by tables and images.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Random } from './random';

/** Larger files are refused before reading: the whole file is parsed in memory. */
export const MAX_DATA_FILE_BYTES = 200 * 1024 * 1024;

/**
 * The bytes of a data file, after checking that it is a regular file of a supported type
 * (`extensions`, lower case with the dot; any when undefined) within the size limit.
 */
export async function readDataBytes(path: string, extensions: readonly string[] | undefined): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new Error(`${path}: is a directory, not a data file`);
    if (!info.isFile()) throw new Error(`${path}: is not a regular file`);
    size = info.size;
  } catch (error) {
    throw fileError(path, error);
  }
  const extension = extname(path).toLowerCase();
  if (extensions && !extensions.includes(extension)) {
    throw new Error(`${path}: unsupported file type '${extension || '(no extension)'}'; supported: ${extensions.join(', ')}`);
  }
  if (size > MAX_DATA_FILE_BYTES) {
    throw new Error(`${path}: the file is ${formatMegabytes(size)}, over the ${formatMegabytes(MAX_DATA_FILE_BYTES)} limit for data files`);
  }
  if (size === 0) throw new Error(`${path}: the file is empty`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (bytes.length === 0) throw new Error(`${path}: the file is empty`);
  if (bytes.length > MAX_DATA_FILE_BYTES) {
    throw new Error(`${path}: the file is ${formatMegabytes(bytes.length)}, over the ${formatMegabytes(MAX_DATA_FILE_BYTES)} limit for data files`);
  }
  return bytes;
}

/** An fs failure as a message that names the path; our own Errors pass through. */
function fileError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new Error(`${path}: no such file`);
  if (code === 'EISDIR') return new Error(`${path}: is a directory, not a data file`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`${path}: permission denied`);
  if (error instanceof Error && code === undefined) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(`${path}: cannot read the file (${detail})`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

/**
 * The rows shuffled with `seed`: the first `validationCount` of `order` validate (round(rows *
 * fraction), at least 1 and at most rows - 1), the rest train.
 */
export function shuffledSplit(rows: number, validationFraction: number, seed: number): { order: number[]; validationCount: number; trainCount: number } {
  const validationCount = Math.min(rows - 1, Math.max(1, Math.round(rows * validationFraction)));
  return { order: new Random(seed).permutation(rows), validationCount, trainCount: rows - validationCount };
}
