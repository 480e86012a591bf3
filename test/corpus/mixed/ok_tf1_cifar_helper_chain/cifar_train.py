# Idiom seen in: linxd5/cifar10 cifar10_train.py
# What it reproduces: training entry point under tf.app.run() that chains distorted_inputs (missing input module) -> inference -> loss -> train from the other modules. Clean.
import time

import numpy as np
import tensorflow as tf

import cifar10_input
import cifar_loss

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', 'Where to write checkpoints.')
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data', 'Path to the CIFAR-10 data.')
tf.app.flags.DEFINE_integer('max_steps', 100000, 'Number of batches to run.')


def train():
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    images, labels = cifar10_input.distorted_inputs(data_dir=FLAGS.data_dir,
                                                    batch_size=FLAGS.batch_size)
    logits = cifar_loss.inference(images, FLAGS.batch_size)
    total = cifar_loss.loss(logits, labels)
    train_op = cifar_loss.train(total, global_step)
    saver = tf.train.Saver(tf.global_variables())
    with tf.Session() as sess:
      sess.run(tf.global_variables_initializer())
      tf.train.start_queue_runners(sess=sess)
      for step in range(FLAGS.max_steps):
        start = time.time()
        _, loss_value = sess.run([train_op, total])
        assert not np.isnan(loss_value), 'Model diverged with loss = NaN'
        if step % 100 == 0:
          print('step %d, loss = %.2f (%.3f sec)' % (step, loss_value, time.time() - start))
        if step % 1000 == 0:
          saver.save(sess, FLAGS.train_dir + '/model.ckpt', global_step=step)


def main(argv=None):  # pylint: disable=unused-argument
  train()


if __name__ == '__main__':
  tf.app.run()
