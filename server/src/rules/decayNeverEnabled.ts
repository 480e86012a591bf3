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
    return [...byMachinery.values()].flatMap((calls) => {
      if (calls.some((call) => call.enabled)) return [];
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
