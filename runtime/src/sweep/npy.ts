// The NumPy .npy reader shared by data tables (dataFile.ts), images and labels (imageData.ts):
// the header (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html) checked,
// the values read in C order. What each use accepts (dimensions, dtypes) is checked by the use.

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const NPY_TYPES: Record<string, { size: number; read(view: DataView, offset: number): number }> = {
  '<f4': { size: 4, read: (view, offset) => view.getFloat32(offset, true) },
  '<f8': { size: 8, read: (view, offset) => view.getFloat64(offset, true) },
  '<i4': { size: 4, read: (view, offset) => view.getInt32(offset, true) },
  '<i8': { size: 8, read: (view, offset) => Number(view.getBigInt64(offset, true)) },
  '|u1': { size: 1, read: (view, offset) => view.getUint8(offset) },
  '|i1': { size: 1, read: (view, offset) => view.getInt8(offset) },
};
// One-byte types are written with '|' by NumPy; '<' and '>' mean the same for them.
const NPY_ALIASES: Record<string, string> = { '<u1': '|u1', '>u1': '|u1', '<i1': '|i1', '>i1': '|i1' };

/** The dtypes the reader knows, as NumPy writes them. */
export const NPY_DTYPES = Object.keys(NPY_TYPES);

/** Integer dtypes: what labels may be stored as. */
export const NPY_INTEGER_DTYPES = ['<i4', '<i8', '|u1', '|i1'];

export interface NpyArray {
  /** The dtype, one of NPY_DTYPES. */
  descr: string;
  shape: number[];
  /** Number of values (the product of the shape). */
  size: number;
  /** The value at flat C-order position `index`, as a double. */
  read(index: number): number;
}

/** `(3,)`, `(2, 4)`: a shape as NumPy prints it. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Parses and checks an .npy file's header; every problem is an Error whose message starts with the path. */
export function parseNpy(path: string, bytes: Buffer): NpyArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 10 || NPY_MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new Error(`${path}: not a NumPy .npy file (the magic string \\x93NUMPY is missing)`);
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (major !== 1 && major !== 2 && major !== 3) {
    throw new Error(`${path}: NPY format version ${major}.${minor} is not supported (supported: 1.0, 2.0, 3.0)`);
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new Error(`${path}: the NPY header is truncated`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new Error(`${path}: the NPY header is truncated (it claims ${headerLength} bytes)`);
  const header = bytes.toString(major === 3 ? 'utf8' : 'latin1', headerStart, dataStart);

  const descrMatch = /['"]descr['"]\s*:\s*(['"])(.*?)\1/.exec(header);
  if (!descrMatch) {
    const structured = /['"]descr['"]\s*:\s*\[/.test(header);
    throw new Error(`${path}: ${structured ? 'structured arrays (a record dtype) are not supported; save a plain numeric array' : `the NPY header has no readable 'descr': ${header.trim()}`}`);
  }
  const descr = NPY_ALIASES[descrMatch[2]] ?? descrMatch[2];
  const supported = NPY_DTYPES.join(', ');
  if (descr.startsWith('>')) {
    throw new Error(`${path}: big-endian data ('${descr}') is not supported; save it little-endian (e.g. array.astype('<${descr.slice(1)}')); supported dtypes: ${supported}`);
  }
  const type = NPY_TYPES[descr];
  if (!type) throw new Error(`${path}: dtype '${descr}' is not supported; supported dtypes: ${supported}`);

  const fortranMatch = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header);
  if (!fortranMatch) throw new Error(`${path}: the NPY header has no readable 'fortran_order': ${header.trim()}`);
  if (fortranMatch[1] === 'True') {
    throw new Error(`${path}: fortran_order is True (column-major data) and is not supported; save it C-ordered (e.g. numpy.ascontiguousarray)`);
  }

  const shapeMatch = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header);
  if (!shapeMatch) throw new Error(`${path}: the NPY header has no readable 'shape': ${header.trim()}`);
  const dims = shapeMatch[1]
    .split(',')
    .map((part) => part.trim().replace(/L$/, ''))
    .filter((part) => part !== '');
  if (dims.some((dim) => !/^\d+$/.test(dim))) throw new Error(`${path}: the NPY shape (${shapeMatch[1].trim()}) is not a tuple of integers`);
  const shape = dims.map(Number);
  const size = shape.reduce((product, dim) => product * dim, 1);

  const expected = size * type.size;
  const available = bytes.length - dataStart;
  if (available < expected) throw new Error(`${path}: the data is truncated: shape ${shapeText(shape)} of ${descr} needs ${expected} bytes, the file has ${available}`);
  if (available > expected) throw new Error(`${path}: ${available - expected} unexpected bytes after the data for shape ${shapeText(shape)} of ${descr}`);
  return { descr, shape, size, read: (index) => type.read(view, dataStart + index * type.size) };
}
