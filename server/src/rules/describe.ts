// Short, exact wording shared by rule messages and hovers.
import { KERAS_LOSSES } from '../analysis/values';
import * as path from 'node:path';
import { uriToPath } from '../analysis/fileUris';
import type { DecayFacts, DecaySource, SinkEffect } from '../analysis/decayFlow';
import { objectName } from '../analysis/scope';
import type { DecayTerm, Site } from '../analysis/values';

export function fileName(uri: string): string {
  return path.basename(uriToPath(uri));
}

/** `cifar10.py:42` (1-based line). */
export function placeOf(site: Site): string {
  return `${fileName(site.uri)}:${site.range.startLine + 1}`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

export function factorText(term: DecayTerm): string {
  return term.factor.k === 'num' ? formatNumber(term.factor.value) : 'an unknown factor';
}

/**
 * A decay term as messages name it: its variable, or where it is computed, with its factor unless
 * the message states it (`local3 (wd=0.004)`, `the term at cifar10.py:40`).
 */
export function termName(term: DecayTerm, withFactor = true): string {
  const variable = term.variable;
  const wd = withFactor && term.factor.k === 'num' ? ` (wd=${formatNumber(term.factor.value)})` : '';
  if (variable?.name) return `\`${variable.name}\`${wd}`;
  return `the term at ${placeOf(term.l2Site)}${wd}`;
}

/** How a message names where decay terms are kept: `model.losses`, or `collection 'losses'`. */
export function collectionName(key: string): string {
  return key === KERAS_LOSSES ? 'model.losses' : `collection '${key}'`;
}

export function listNames(sources: DecaySource[], limit = 4): string {
  const counts = new Map<string, number>();
  for (const source of sources) counts.set(termName(source.term), (counts.get(termName(source.term)) ?? 0) + 1);
  const names = [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name));
  return names.length <= limit ? names.join(', ') : `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

export function sinkDescription(sink: SinkEffect): string {
  const what = sink.lossName ? `\`${sink.lossName}\`` : 'its loss';
  const differentiates =
    sink.method === 'gradient' || sink.method === 'backward' || sink.method.endsWith('grad') || sink.method === 'tf.gradients' ||
    sink.method === 'tf.variableGrads' || sink.method === 'computeGradients';
  return `\`${sink.method}\` ${differentiates ? 'differentiates' : 'minimizes'} ${what}`;
}

/** The models whose `losses` a training loss adds by name (`head.losses`), as the code names them. */
export function modelLossesTrained(facts: DecayFacts): string[] {
  // `model.fit` adds its model's losses itself: that is no loss a training loop adds them to.
  const owners = facts.sinks.flatMap((sink) => (sink.method === 'fit' ? [] : sink.loss).flatMap((tag) => ((tag.k === 'sum' || tag.k === 'list') && tag.key.k === 'lit' && tag.key.value === KERAS_LOSSES && tag.owner ? [objectName(tag.owner)] : [])));
  return [...new Set(owners)].sort();
}
