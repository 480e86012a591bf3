// The tool's version, taken from the root package.json at build time (esbuild inlines it).
import { version } from '../../../package.json';

export const VERSION: string = version;
