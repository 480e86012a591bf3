// WD106 through model factories: whatever a factory returns on its other paths, code that sets a
// regularizer on the layers it lists has a built model in hand (issue 11, class 7).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';

const factories: Record<string, string[]> = {
  fallsOffTheEnd: ['    if n == 1:', '        return tf.keras.applications.ResNet50(weights=None)'],
  bareReturn: ['    if n != 1:', '        return', '    return tf.keras.applications.ResNet50(weights=None)'],
  elifWithoutElse: ['    if n == 1:', '        return tf.keras.applications.ResNet50(weights=None)', '    elif n == 2:', '        return tf.keras.applications.MobileNetV2(weights=None)'],
  noneOnOnePath: ['    if n == 1:', '        return None', '    return tf.keras.applications.ResNet50(weights=None)'],
  bothBranches: ['    if n == 1:', '        return tf.keras.applications.ResNet50(weights=None)', '    else:', '        return tf.keras.applications.MobileNetV2(weights=None)'],
  insideWith: ['    with tf.device("/cpu:0"):', '        model = tf.keras.applications.ResNet50(weights=None)', '        return model'],
  throughAnother: ['    return bothBranches(n)'],
};

test('WD106 counts a model from any factory: code that lists its layers has a built model in hand', async () => {
  const lines = ['import tensorflow as tf', ''];
  for (const [name, body] of Object.entries(factories)) lines.push(`def ${name}(n):`, ...body, '');
  for (const name of Object.keys(factories)) lines.push(`m_${name} = ${name}(1)`, `m_${name}.layers[0].kernel_regularizer = tf.keras.regularizers.l2(1e-4)`);
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///virtual/factories.py', lines.join('\n'));
  const flagged = analyzer
    .analyze()
    .findings.filter((finding) => finding.code === 'WD106')
    .map((finding) => lines[finding.range.startLine].split('.')[0]);
  assert.deepEqual(flagged, Object.keys(factories).map((name) => `m_${name}`));
});
