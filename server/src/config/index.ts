// Project configuration files (decay-lens.json, pyproject.toml [tool.decay-lens]): finding,
// loading and applying them. See docs/configuration.md.
export {
  configInFolder,
  ConfigResolver,
  findConfig,
  hasDecayLensTable,
  JSON_CONFIG,
  loadConfig,
  PYPROJECT,
  type ConfigProblem,
  type ConfigSource,
  type FolderCache,
  type LoadedConfig,
  type ProjectConfig,
} from './projectConfig';
export { applyConfig, isIgnoredInFile, isReported, isSelected, withEditorRules } from './applyConfig';
export { globToRegExp, matchesFilePattern } from './glob';
