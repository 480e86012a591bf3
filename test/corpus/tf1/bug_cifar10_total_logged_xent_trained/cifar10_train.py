# Idiom seen in: tensorflow/models tutorials/image/cifar10/cifar10_train.py; xuehuanran/tensorflow-tutorial convolution_neural_networks/cifar10_train.py
# What it reproduces: the training binary (FLAGS, main(argv=None), tf.app.run()) logging the
# total loss but handing the cross entropy to the optimizer, so the decay terms get no gradient.
import tensorflow as tf

import cifar10
from cifar10 import inference

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', """Directory for checkpoints.""")
tf.app.flags.DEFINE_integer('max_steps', 50000, """Number of batches to run.""")
tf.app.flags.DEFINE_float('learning_rate', 0.05, """Initial learning rate.""")


def train():
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    images, labels = cifar10.distorted_inputs()
    logits = inference(images)
    total_loss, xent = cifar10.loss(logits, labels)
    tf.summary.scalar('total_loss', total_loss)
    tf.summary.scalar('cross_entropy', xent)

    lr = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 100000, 0.1, staircase=True)
    opt = tf.train.MomentumOptimizer(lr, momentum=0.9)
    train_op = opt.minimize(xent, global_step=global_step)

    with tf.train.MonitoredTrainingSession(
        checkpoint_dir=FLAGS.train_dir,
        hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps),
               tf.train.NanTensorHook(total_loss)]) as mon_sess:
      while not mon_sess.should_stop():
        _, total_value, xent_value = mon_sess.run([train_op, total_loss, xent])


def main(argv=None):
  tf.gfile.MakeDirs(FLAGS.train_dir)
  train()


if __name__ == '__main__':
  tf.app.run()
