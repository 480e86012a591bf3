// argparse and absl/TF flags as records of their options: `args.weight_decay` is the option's default,
// or something configurable when the default is None or 0 (a command line may turn it on) or a name. The
// options themselves are read from the code by commandLineOptions.ts. Config objects made from a
// dict (`OmegaConf.create({...})`, `EasyDict(cfg)`) are that dict's record.
import { isFlagsObject, moduleOptions, type Options } from '../commandLineOptions';
import { SPLAT, type Expr } from '../ir';
import type { ModuleInfo } from '../moduleInfo';
import { EMPTY, isDisabled, union, unionOf, type Value } from '../values';
import type { Framework, FrameworkHost } from './framework';

export const commandLine: Framework = {
  name: 'commandLine',
  // `argparse.ArgumentParser()`: the options this module defines.
  namedCall({ host, qualified, kind, scope, args, keywords }) {
    if (kind === 'irrelevant' && qualified === 'argparse.ArgumentParser') return optionsRecord(host, moduleOptions(scope.module).argparse, scope.module);
    if (!CONFIG_WRAPPERS.has(qualified)) return undefined;
    const given = [...keywords].filter(([name]) => name !== SPLAT);
    return union(args[0] ?? EMPTY, keywords.get(SPLAT) ?? EMPTY, given.length > 0 ? [{ k: 'fields', fields: new Map(given) }] : EMPTY);
  },
  methodCall({ host, method, receiver, scope, element }) {
    if (method !== 'parse_args' && method !== 'parse_known_args') return undefined;
    // The parser's record (made where it was constructed), else this module's options; `parse_known_args` gives `(args, rest)`.
    const parsed = receiver.some((tag) => tag.k === 'fields') ? receiver.filter((tag) => tag.k === 'fields') : optionsRecord(host, moduleOptions(scope.module).argparse, scope.module);
    return method === 'parse_known_args' && element?.index === 1 ? EMPTY : parsed;
  },
  // `FLAGS`: absl and TF flags are one process-wide registry, defined in any module.
  attribute({ host, expr, dotted, onVariable, scope }) {
    if (!dotted || onVariable || expr.attr !== 'FLAGS' || !isFlagsObject(host.qualify(dotted, scope.module))) return undefined;
    return union(...host.modulesDefiningFlags().map((module) => optionsRecord(host, moduleOptions(module).flags, module)));
  },
};

/** Config classes whose attributes are the keys of the dict (or the keywords) they are made from. */
const CONFIG_WRAPPERS = new Set([
  'omegaconf.OmegaConf.create',
  'easydict.EasyDict',
  'types.SimpleNamespace',
  'ml_collections.ConfigDict',
  'ml_collections.config_dict.ConfigDict',
  'addict.Dict',
  'munch.Munch',
  'munch.munchify',
  'box.Box',
  'dotmap.DotMap',
]);

/** Options with their defaults as a record; the defaults are evaluated where they are defined. */
function optionsRecord(host: FrameworkHost, options: Options, module: ModuleInfo): Value {
  if (options.size === 0) return EMPTY;
  const scope = host.moduleScope(module);
  const defaultOf = (defaults: Expr[]): Value => {
    const value = unionOf(defaults.map((expr) => host.evaluate(expr, scope)));
    // Off, or a name (`--optimizer sgd`): the run may give another, switching decay on or choosing another branch.
    return isDisabled(value) || value.some((tag) => tag.k === 'str') ? union(value, [{ k: 'configurable' }]) : value;
  };
  return [{ k: 'fields', fields: new Map([...options].map(([name, defaults]) => [name, defaultOf(defaults)])) }];
}
