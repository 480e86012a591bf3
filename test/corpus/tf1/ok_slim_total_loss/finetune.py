# Idiom seen in: knowmefly/Youth-AI-SelfImprovement inception-google/finetune.py;
#   neuro-ml/deep_pipe projects/brats2017/models_tf/modules/optimizer.py (create_train_op)
# What it reproduces: the model is built under the other module's arg_scope, the loss is added with
#   tf.losses.softmax_cross_entropy, tf.losses.get_total_loss() picks up the regularization losses,
#   and slim.learning.create_train_op wraps a Nesterov MomentumOptimizer.
# label-note: clean. get_total_loss() includes REGULARIZATION_LOSSES by default and its result is
#   what create_train_op differentiates; the regularizer covers conv/fc weights only.
import tensorflow as tf

import nets
import read_data  # TFRecord batches, not part of this program

slim = tf.contrib.slim

flags = tf.app.flags
flags.DEFINE_string('dataset_dir', './dataset/imagenet20_tfrecord', 'TFRecord directory.')
flags.DEFINE_string('model_path', './savedmodels/imagenet20', 'Checkpoint prefix.')
flags.DEFINE_integer('batch_size', 32, 'Batch size.')
flags.DEFINE_integer('num_classes', 20, 'Classes.')
flags.DEFINE_integer('max_steps', 30000, 'Steps.')
flags.DEFINE_float('learning_rate', 0.01, 'Learning rate.')
flags.DEFINE_float('weight_decay', 4e-5, 'L2 on conv/fc weights.')
FLAGS = flags.FLAGS


def main(_):
  images, labels = read_data.get_train_batch(FLAGS.dataset_dir, FLAGS.batch_size,
                                             FLAGS.num_classes, is_training=True)
  global_step = tf.train.get_or_create_global_step()

  with slim.arg_scope(nets.net_arg_scope(weight_decay=FLAGS.weight_decay)):
    logits = nets.small_net(images, num_classes=FLAGS.num_classes, is_training=True)

  tf.losses.softmax_cross_entropy(onehot_labels=labels, logits=logits)
  total_loss = tf.losses.get_total_loss()
  tf.summary.scalar('total_loss', total_loss)

  lr = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 10000, 0.1, staircase=True)
  optimizer = tf.train.MomentumOptimizer(lr, 0.9, use_nesterov=True)
  train_op = slim.learning.create_train_op(total_loss, optimizer, global_step=global_step)

  saver = tf.train.Saver(max_to_keep=3)
  with tf.Session() as sess:
    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess, coord)
    sess.run(tf.global_variables_initializer())
    try:
      for step in range(FLAGS.max_steps):
        loss_value = sess.run(train_op)
        if step % 100 == 0:
          print('step %d, total loss %.3f' % (step, loss_value))
          saver.save(sess, FLAGS.model_path, global_step=global_step)
    finally:
      coord.request_stop()
    coord.join(threads)


if __name__ == '__main__':
  tf.app.run()
