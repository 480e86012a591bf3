// The client's answer to a crashed language server: restart, say so once, give up on a crash loop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServerCrashPolicy } from '../../client/src/serverCrashPolicy';

const minute = 60_000;

test('restarts after each crash and announces only the first', () => {
  const policy = new ServerCrashPolicy(5, 3 * minute);
  assert.deepEqual(policy.onUnexpectedClose(0), { action: 'restart', announce: true });
  assert.deepEqual(policy.onUnexpectedClose(10 * minute), { action: 'restart', announce: false });
  assert.deepEqual(policy.onUnexpectedClose(20 * minute), { action: 'restart', announce: false });
});

test('gives up on the fifth crash within three minutes, not on five spread out', () => {
  const loop = new ServerCrashPolicy(5, 3 * minute);
  const decisions = [0, 1, 2, 3, 4].map((i) => loop.onUnexpectedClose(i * 1000));
  assert.deepEqual(decisions.slice(0, 4).map((d) => d.action), ['restart', 'restart', 'restart', 'restart']);
  assert.deepEqual(decisions[4], { action: 'giveUp', crashes: 5, windowMinutes: 3 });

  const spread = new ServerCrashPolicy(5, 3 * minute);
  const actions = [0, 1, 2, 3, 4, 5, 6].map((i) => spread.onUnexpectedClose(i * minute).action);
  assert.ok(actions.every((action) => action === 'restart'), actions.join(','));
});

test('a restart by the user clears the crash count', () => {
  const policy = new ServerCrashPolicy(3, 3 * minute);
  policy.onUnexpectedClose(0);
  policy.onUnexpectedClose(1);
  policy.reset();
  assert.equal(policy.onUnexpectedClose(2).action, 'restart');
  assert.equal(policy.onUnexpectedClose(3).action, 'restart');
  assert.equal(policy.onUnexpectedClose(4).action, 'giveUp');
});
