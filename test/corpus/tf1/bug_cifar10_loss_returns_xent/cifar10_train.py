# Idiom seen in: tensorflow/models tutorials/image/cifar10/cifar10_train.py; satojkovic/CnnTF cifar10_train.py
# What it reproduces: the tutorial training binary with FLAGS and tf.app.run(); it trains on
# whatever cifar10.loss() returns, which in this copy is the bare cross entropy.
import time

import tensorflow as tf

import cifar10

FLAGS = tf.app.flags.FLAGS

tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train',
                           """Directory where to write event logs and checkpoint.""")
tf.app.flags.DEFINE_integer('max_steps', 100000, """Number of batches to run.""")


def train():
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    with tf.device('/cpu:0'):
      images, labels = cifar10.distorted_inputs()
    logits = cifar10.inference(images)
    loss = cifar10.loss(logits, labels)
    train_op = cifar10.train(loss, global_step)

    start = time.time()
    with tf.train.MonitoredTrainingSession(
        checkpoint_dir=FLAGS.train_dir,
        hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps),
               tf.train.NanTensorHook(loss)]) as mon_sess:
      step = 0
      while not mon_sess.should_stop():
        _, loss_value = mon_sess.run([train_op, loss])
        if step % 100 == 0:
          print('step %d, loss = %.3f (%.1f s)' % (step, loss_value, time.time() - start))
        step += 1


def main(argv=None):
  if tf.gfile.Exists(FLAGS.train_dir):
    tf.gfile.DeleteRecursively(FLAGS.train_dir)
  tf.gfile.MakeDirs(FLAGS.train_dir)
  train()


if __name__ == '__main__':
  tf.app.run()
