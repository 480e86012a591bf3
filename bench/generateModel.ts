// A deterministic, CIFAR-10-shaped Python file of about `lines` lines: decay helpers, many
// layer-building functions, a loss that sums the 'losses' collection and a training function.
export function generateModel(lines: number): string {
  const header = [
    'import tensorflow as tf',
    '',
    'INITIAL_LEARNING_RATE = 0.1',
    '',
    '',
    'def _variable_with_weight_decay(name, shape, stddev, wd):',
    "    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))",
    '    if wd is not None:',
    "        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')",
    "        tf.add_to_collection('losses', weight_decay)",
    '    return var',
    '',
  ];
  const footer = [
    '',
    'def loss(logits, labels):',
    '    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)',
    "    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')",
    "    tf.add_to_collection('losses', cross_entropy_mean)",
    "    return tf.add_n(tf.get_collection('losses'), name='total_loss')",
    '',
    '',
    'def train(total_loss, global_step):',
    '    lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, 1000, 0.1)',
    '    opt = tf.train.GradientDescentOptimizer(lr)',
    '    grads = opt.compute_gradients(total_loss)',
    '    return opt.apply_gradients(grads, global_step=global_step)',
    '',
    '',
    'def main(images, labels, step):',
    '    logits = block_0(images)',
    '    return train(loss(logits, labels), step)',
  ];
  const blocks: string[] = [];
  let count = header.length + footer.length;
  for (let i = 0; count < lines; i++) {
    const wd = i % 3 === 0 ? 'None' : `${(0.001 * ((i % 7) + 1)).toFixed(3)}`;
    const block = [
      '',
      `def block_${i}(inputs):`,
      `    """Layer ${i}: a dense layer with optional decay."""`,
      `    with tf.variable_scope('block_${i}') as scope:`,
      `        weights = _variable_with_weight_decay('weights', shape=[${64 + i}, ${128 + i}], stddev=0.04, wd=${wd})`,
      `        biases = tf.get_variable('biases', [${128 + i}], initializer=tf.constant_initializer(0.1))`,
      `        pre = tf.matmul(inputs, weights) + biases`,
      `        out = tf.nn.relu(pre, name=scope.name)`,
      `    # keep shapes in check`,
      `    out = tf.reshape(out, [-1, ${128 + i}])`,
      `    return out`,
      '',
    ];
    blocks.push(...block);
    count += block.length;
  }
  return [...header, ...blocks, ...footer].join('\n') + '\n';
}
