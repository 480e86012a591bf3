// The one way files are read: sources, notebooks, the cache's own files, sweep specs, rule pages.
// A repository can commit a FIFO (reading it waits forever), a link to /dev/zero (a read that never
// ends) or a huge file, and `decay-lens check .` runs on repositories in CI. So only a regular file
// is read, never more than a bound, and through a symbolic link only where the caller allows it.
import { constants, type Stats } from 'node:fs';
import { tooLargeReason } from '../analysis/sourceFiles';
import { fastFs } from './fastFs';

export type FileBytes = { bytes: Buffer } | { refused: string };

export interface ReadBounds {
  maxBytes: number;
  /** false: a symbolic link is refused rather than followed (the cache's files). Default true. */
  followLinks?: boolean;
}

/**
 * Opened without blocking (a FIFO swapped in after the check must not hang the open) and, unless
 * links are followed, without following a final symbolic link. Windows has neither flag: there
 * the checks before and after the open stand alone.
 */
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** The first read's size when the file claims to be empty (files under /proc do): the bound still holds. */
const EMPTY_FILE_READ = 64 * 1024;

/** The whole file, or why it was not read: never a throw. */
export async function readRegularFile(file: string, { maxBytes, followLinks = true }: ReadBounds): Promise<FileBytes> {
  // Checked before opening: opening a device can act (a tape rewinds, a watchdog starts).
  let info: Stats;
  try {
    info = await (followLinks ? fastFs.stat(file) : fastFs.lstat(file));
  } catch (error) {
    return { refused: `cannot read: ${describeFsError(error)}` };
  }
  if (!info.isFile()) return { refused: notRegularReason(info) };
  if (info.size > maxBytes) return { refused: tooLargeReason(info.size, maxBytes) };

  let descriptor: number;
  try {
    descriptor = await fastFs.open(file, constants.O_RDONLY | NON_BLOCKING | (followLinks ? 0 : NO_FOLLOW));
  } catch (error) {
    // ELOOP from O_NOFOLLOW: the file became a link since it was checked.
    const becameLink = !followLinks && (error as NodeJS.ErrnoException).code === 'ELOOP';
    return { refused: becameLink ? 'not a regular file (a symbolic link)' : `cannot read: ${describeFsError(error)}` };
  }
  try {
    // What was opened is what counts: the path may name something else since the check.
    const opened = await fastFs.fstat(descriptor);
    if (!opened.isFile()) return { refused: notRegularReason(opened) };
    return await readBounded(descriptor, opened.size, maxBytes);
  } catch (error) {
    return { refused: `cannot read: ${describeFsError(error)}` };
  } finally {
    await fastFs.close(descriptor).catch(() => undefined);
  }
}

/** Reads to the end, or refuses once the file holds more than `maxBytes` (it may grow while read). */
async function readBounded(descriptor: number, size: number, maxBytes: number): Promise<FileBytes> {
  // One byte past the bound tells a file that grew over it from one that fills it exactly.
  const limit = maxBytes + 1;
  let buffer = Buffer.allocUnsafe(Math.min(limit, size > 0 ? size + 1 : EMPTY_FILE_READ));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length === limit) return { refused: tooLargeReason(length, maxBytes) };
      const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await fastFs.read(descriptor, buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return { bytes: buffer.subarray(0, length) };
    length += bytesRead;
  }
}

/** The parts of Stats and Dirent that tell what a path is. */
type FileType = Pick<Stats, 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>;

/** "not a regular file (a FIFO)": what the path is, so that the user knows what to look at. */
export function notRegularReason(type: FileType, { throughLink = false } = {}): string {
  return `not a regular file (${throughLink ? 'a symbolic link to ' : ''}${fileKind(type)})`;
}

function fileKind(type: FileType): string {
  if (type.isDirectory()) return 'a folder';
  if (type.isSymbolicLink()) return 'a symbolic link';
  if (type.isFIFO()) return 'a FIFO';
  if (type.isCharacterDevice()) return 'a character device';
  if (type.isBlockDevice()) return 'a block device';
  if (type.isSocket()) return 'a socket';
  return 'of an unknown kind';
}

/** A file-system error in a few words, for skip reasons. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENAMETOOLONG') return 'name too long';
  return error instanceof Error ? error.message : String(error);
}
