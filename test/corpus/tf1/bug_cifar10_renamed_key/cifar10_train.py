# Idiom seen in: tensorflow/models tutorials/image/cifar10/cifar10_train.py
# What it reproduces: the tutorial training binary (tf.app.run(), main(argv=None), FLAGS),
# unchanged; the decay is lost inside cifar10.py because of the renamed collection key.
from datetime import datetime

import tensorflow as tf

import cifar10

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', """Directory for event logs.""")
tf.app.flags.DEFINE_integer('max_steps', 1000000, """Number of batches to run.""")
tf.app.flags.DEFINE_boolean('log_device_placement', False, """Whether to log device placement.""")


def train():
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    with tf.device('/cpu:0'):
      images, labels = cifar10.distorted_inputs()
    logits = cifar10.inference(images)
    loss = cifar10.loss(logits, labels)
    train_op = cifar10.train(loss, global_step)

    config = tf.ConfigProto(log_device_placement=FLAGS.log_device_placement)
    with tf.train.MonitoredTrainingSession(
        checkpoint_dir=FLAGS.train_dir,
        hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps), tf.train.NanTensorHook(loss)],
        config=config) as mon_sess:
      while not mon_sess.should_stop():
        _, loss_value, step = mon_sess.run([train_op, loss, global_step])
        if step % 100 == 0:
          print('%s: step %d, loss = %.2f' % (datetime.now(), step, loss_value))


def main(argv=None):  # pylint: disable=unused-argument
  if tf.gfile.Exists(FLAGS.train_dir):
    tf.gfile.DeleteRecursively(FLAGS.train_dir)
  tf.gfile.MakeDirs(FLAGS.train_dir)
  train()


if __name__ == '__main__':
  tf.app.run()
