# Idiom seen in: knowmefly/Youth-AI-SelfImprovement inception-google/finetune.py; tensorflow/models research/slim/nets/cifarnet.py
# What it reproduces: `with slim.arg_scope(nets.cifarnet_arg_scope()):` around the network, the
# classification loss registered through tf.losses.*, and tf.losses.get_total_loss() (which
# includes REGULARIZATION_LOSSES) minimized by Adam under UPDATE_OPS. Correct.
import tensorflow as tf

import dataset_factory
import nets

slim = tf.contrib.slim

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('dataset_dir', './data/cifar10', 'TFRecord directory.')
tf.app.flags.DEFINE_string('train_dir', './train_logs', 'Checkpoint directory.')
tf.app.flags.DEFINE_float('weight_decay', 0.004, 'Weight decay of the fully connected layers.')
tf.app.flags.DEFINE_float('learning_rate', 1e-4, 'Learning rate.')
tf.app.flags.DEFINE_integer('batch_size', 64, 'Batch size.')
tf.app.flags.DEFINE_integer('max_steps', 20000, 'Number of steps.')


def main(_):
  images, labels = dataset_factory.get_batch('cifar10', 'train', FLAGS.dataset_dir, FLAGS.batch_size)
  one_hot = tf.one_hot(labels, 10)
  global_step = tf.train.get_or_create_global_step()

  with slim.arg_scope(nets.cifarnet_arg_scope(weight_decay=FLAGS.weight_decay)):
    logits, _ = nets.cifarnet(images, num_classes=10, is_training=True)

  tf.losses.softmax_cross_entropy(onehot_labels=one_hot, logits=logits, weights=1.0)
  total_loss = tf.losses.get_total_loss()
  tf.summary.scalar('total_loss', total_loss)

  update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
  with tf.control_dependencies(update_ops):
    train_step = tf.train.AdamOptimizer(learning_rate=FLAGS.learning_rate).minimize(
        total_loss, global_step=global_step)

  with tf.train.MonitoredTrainingSession(
      checkpoint_dir=FLAGS.train_dir,
      hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
    while not sess.should_stop():
      _, loss_value, step = sess.run([train_step, total_loss, global_step])
      if step % 100 == 0:
        print('step %d: loss %.4f' % (step, loss_value))


if __name__ == '__main__':
  tf.app.run()
