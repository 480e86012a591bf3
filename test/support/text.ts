// Finding lines in test inputs, so expectations follow the text instead of hard-coded numbers.
import assert from 'node:assert/strict';

/** 1-based number of the first line of `text` that contains `needle`; fails the test when no line does. */
export function lineOf(text: string, needle: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `no line contains ${JSON.stringify(needle)}`);
  return index + 1;
}
