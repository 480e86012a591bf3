// Project configuration files (decay-lens.json, pyproject.toml [tool.decay-lens]): finding,
// loading and applying them. See docs/configuration.md.
export {
  ConfigResolver,
  findConfig,
  hasDecayLensTable,
  loadConfig,
  type ConfigProblem,
  type ConfigSource,
  type FolderCache,
  type LoadedConfig,
  type ProjectConfig,
} from './projectConfig';
export { applyConfig, withEditorRules } from './applyConfig';
export { globToRegExp, matchesFilePattern } from './glob';
