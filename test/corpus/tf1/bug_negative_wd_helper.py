# Idiom seen in: tensorflow/models tutorials/image/cifar10/cifar10.py; tensorflow/models tutorials/image/cifar10/cifar10_train.py
# What it reproduces: a one-file port of the tutorial (helper, summed loss, tf.app.run) where one
# dense layer was given wd=-0.004, a sign slip: that term grows the weights instead of shrinking
# them (WD302 on the factor). The other decayed layer is fine.
import tensorflow as tf

import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 128, 'Batch size.')
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data/cifar-10-batches-bin', 'Data directory.')
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', 'Checkpoint directory.')
tf.app.flags.DEFINE_integer('max_steps', 100000, 'Number of batches to run.')


def _variable_with_weight_decay(name, shape, stddev, wd):
  var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
  if wd is not None:
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection('losses', weight_decay)
  return var


def inference(images):
  with tf.variable_scope('conv1') as scope:
    kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=None)
    conv1 = tf.nn.relu(tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME'), name=scope.name)
  pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
  reshape = tf.reshape(pool1, [FLAGS.batch_size, -1])
  dim = reshape.get_shape()[1].value
  with tf.variable_scope('local3'):
    weights = _variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=0.004)
    local3 = tf.nn.relu(tf.matmul(reshape, weights))
  with tf.variable_scope('local4'):
    weights = _variable_with_weight_decay('weights', [384, 192], stddev=0.04, wd=-0.004)  # expect: WD302
    local4 = tf.nn.relu(tf.matmul(local3, weights))
  with tf.variable_scope('softmax_linear'):
    weights = _variable_with_weight_decay('weights', [192, 10], stddev=1 / 192.0, wd=None)
    return tf.matmul(local4, weights)


def loss(logits, labels):
  cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
      labels=tf.cast(labels, tf.int64), logits=logits, name='cross_entropy_per_example')
  tf.add_to_collection('losses', tf.reduce_mean(cross_entropy, name='cross_entropy'))
  return tf.add_n(tf.get_collection('losses'), name='total_loss')


def main(argv=None):
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    images, labels = cifar10_input.distorted_inputs(data_dir=FLAGS.data_dir, batch_size=FLAGS.batch_size)
    total_loss = loss(inference(images), labels)
    opt = tf.train.GradientDescentOptimizer(0.1)
    grads = opt.compute_gradients(total_loss)
    train_op = opt.apply_gradients(grads, global_step=global_step)
    with tf.train.MonitoredTrainingSession(
        checkpoint_dir=FLAGS.train_dir,
        hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as mon_sess:
      while not mon_sess.should_stop():
        mon_sess.run(train_op)


if __name__ == '__main__':
  tf.app.run()
