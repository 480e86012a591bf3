# Idiom seen in: tensorflow/tpu models/official/efficientnet/main.py; yuyun2000/tensorflow-kws utils.py
# What it reproduces: `wd * tf.add_n([tf.reduce_sum(tf.square(v)) for v in tf.trainable_variables()
# if 'bias' not in v.name])` added to the data loss, then compute_gradients / clip / apply_gradients
# on that total, a keyword-spotting style training script with argparse. Correct.
import argparse

import tensorflow as tf

import speech_input

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', default='/tmp/speech_dataset')
parser.add_argument('--weight_decay', type=float, default=1e-5)
parser.add_argument('--learning_rate', type=float, default=1e-3)
parser.add_argument('--steps', type=int, default=18000)


def ds_cnn(fingerprints, num_labels):
  net = tf.reshape(fingerprints, [-1, 49, 10, 1])
  net = tf.layers.conv2d(net, 64, (10, 4), strides=(2, 2), padding='same', activation=tf.nn.relu, name='conv1')
  for i in range(4):
    net = tf.layers.separable_conv2d(net, 64, 3, padding='same', activation=tf.nn.relu, name='dsconv%d' % i)
  net = tf.reduce_mean(net, axis=[1, 2])
  return tf.layers.dense(net, num_labels, name='fc')


def main():
  args = parser.parse_args()
  fingerprints, labels, num_labels = speech_input.get_batches(args.data_dir, batch_size=100)
  logits = ds_cnn(fingerprints, num_labels)

  xent = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
  l2 = args.weight_decay * tf.add_n([tf.reduce_sum(tf.square(v)) for v in tf.trainable_variables() if 'bias' not in v.name])
  total_loss = xent + l2

  global_step = tf.train.get_or_create_global_step()
  optimizer = tf.train.AdamOptimizer(args.learning_rate)
  grads_and_vars = optimizer.compute_gradients(total_loss)
  clipped = [(tf.clip_by_norm(g, 5.0), v) for g, v in grads_and_vars if g is not None]
  train_op = optimizer.apply_gradients(clipped, global_step=global_step)

  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(args.steps):
      _, xent_value, l2_value = sess.run([train_op, xent, l2])
      if step % 200 == 0:
        print('step %d: xent %.4f, l2 %.5f' % (step, xent_value, l2_value))


if __name__ == '__main__':
  main()
