// WD303: a decay helper whose every call passes wd=None or 0.
import { siteKey } from '../analysis/decayFlow';
import type { HelperCall } from '../analysis/effects';
import { placeOf } from './describe';
import type { Rule } from './rule';

export const decayNeverEnabled: Rule = {
  code: 'WD303',
  name: 'decay-never-enabled',
  defaultSeverity: 'hint',
  summary: 'The decay machinery exists but every call passes wd=None or 0',
  finds: 'decay machinery that every call switches off (`wd=None` / `0`)',
  check(facts) {
    const byMachinery = new Map<string, HelperCall[]>();
    for (const call of facts.helperCalls) {
      const key = siteKey(call.machinery);
      const calls = byMachinery.get(key);
      if (calls) calls.push(call);
      else byMachinery.set(key, [call]);
    }
    // One value switched off at the top (`DenseNet(weight_decay=0)`) reaches a guard and the
    // regularizer keywords given what the guarded helper returns: the guard is where to say it.
    const callsOf = (calls: HelperCall[]) => [...new Set(calls.map((call) => siteKey(call.call)))].sort().join('\n');
    // A helper switched off where another writes live decay to the same collection (`wd=None` on
    // the convolutions, `wd=0.004` on the dense layers): a choice of which layers decay, not decay never on.
    const decayed = new Set(facts.flows.flatMap((flow) => (flow.sources.length > 0 ? [flow.key] : [])));
    const dead = [...byMachinery.values()].filter((calls) => !calls.some((call) => call.enabled) && !(calls[0].collection && decayed.has(calls[0].collection)));
    const guarded = new Set(dead.filter((calls) => calls[0].guard).map(callsOf));
    return dead.flatMap((calls) => {
      if (!calls[0].guard && guarded.has(callsOf(calls))) return [];
      const { machinery, helper, param, constant } = calls[0];
      if (constant !== undefined) {
        const place = `${placeOf(calls[0].call)}`;
        return [{ ...machinery, message: `Weight decay is never switched on: ${param} is ${constant} (${place}), so this code adds nothing.`, related: [{ ...calls[0].call, message: `${param} is set to ${constant} here` }], unnecessary: true, data: {} }];
      }
      const helpers = [...new Set(calls.map((call) => call.helper))];
      const callers = calls.length === 1 ? `the only call of ${helper} passes` : `all ${calls.length} calls of ${helpers.join(' and ')} pass`;
      return [
        {
          ...machinery,
          message: `Weight decay is never switched on: ${callers} ${param ?? 'wd'}=None or 0, so this code adds nothing.`,
          related: calls.map((call) => ({ ...call.call, message: `${call.helper} called without decay` })),
          unnecessary: true,
          data: {},
        },
      ];
    });
  },
};
