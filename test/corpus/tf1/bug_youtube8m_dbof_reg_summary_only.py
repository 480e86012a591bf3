# Idiom seen in: google/youtube-8m frame_level_models.py
# Idiom seen in: google/youtube-8m train.py
# What it reproduces: a single-tower rewrite of the YouTube-8M trainer (a user's simplification; the real
#   train.py is correct): the regularization losses of the slim layers are summed into reg_loss, which is
#   only summarized, while compute_gradients differentiates the bare label_loss (WD105 on the sum).
"""Frame-level Deep Bag of Frames trainer, single GPU."""

import tensorflow as tf
import tensorflow.contrib.slim as slim
from tensorflow import app
from tensorflow import flags
from tensorflow import logging

import readers
import losses

FLAGS = flags.FLAGS
flags.DEFINE_string("train_data_pattern", "", "File glob for the training dataset.")
flags.DEFINE_integer("batch_size", 256, "Examples per batch.")
flags.DEFINE_float("base_learning_rate", 1e-3, "Initial learning rate.")
flags.DEFINE_integer("dbof_cluster_size", 2048, "Units in the DBoF cluster layer.")
flags.DEFINE_integer("dbof_hidden_size", 1024, "Units in the DBoF hidden layer.")
flags.DEFINE_float("l2_penalty", 1e-6, "L2 penalty of the classifier weights.")


class DbofModel(object):

  def create_model(self, model_input, vocab_size, num_frames, is_training=True):
    feature_size = model_input.get_shape().as_list()[2]
    max_frames = model_input.get_shape().as_list()[1]
    reshaped = tf.reshape(model_input, [-1, feature_size])

    activation = slim.fully_connected(
        reshaped, FLAGS.dbof_cluster_size, activation_fn=None,
        weights_regularizer=slim.l2_regularizer(FLAGS.l2_penalty),
        scope="cluster")
    activation = slim.batch_norm(activation, center=True, scale=True,
                                 is_training=is_training, scope="cluster_bn")
    activation = tf.nn.relu6(activation)
    activation = tf.reshape(activation, [-1, max_frames, FLAGS.dbof_cluster_size])
    activation = tf.reduce_max(activation, 1)

    hidden = slim.fully_connected(
        activation, FLAGS.dbof_hidden_size, activation_fn=tf.nn.relu6,
        weights_regularizer=slim.l2_regularizer(FLAGS.l2_penalty),
        scope="hidden1")
    output = slim.fully_connected(
        hidden, vocab_size, activation_fn=tf.nn.sigmoid,
        weights_regularizer=slim.l2_regularizer(FLAGS.l2_penalty),
        scope="classifier")
    return {"predictions": output}


def build_graph(reader, model, label_loss_fn):
  global_step = tf.train.get_or_create_global_step()
  optimizer = tf.train.AdamOptimizer(FLAGS.base_learning_rate)

  batch = readers.get_input_data_tensors(reader, FLAGS.train_data_pattern,
                                         batch_size=FLAGS.batch_size)
  model_input = tf.nn.l2_normalize(batch["video_matrix"], 2)
  result = model.create_model(model_input, vocab_size=reader.num_classes,
                              num_frames=batch["num_frames"])
  predictions = result["predictions"]
  label_loss = label_loss_fn.calculate_loss(predictions, batch["labels"])

  reg_losses = tf.losses.get_regularization_losses()
  reg_loss = tf.add_n(reg_losses)  # expect: WD105
  tf.summary.scalar("reg_loss", reg_loss)
  tf.summary.scalar("label_loss", label_loss)

  update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
  with tf.control_dependencies(update_ops):
    gradients = optimizer.compute_gradients(label_loss)
  train_op = optimizer.apply_gradients(gradients, global_step=global_step)
  return train_op, label_loss


def main(unused_argv):
  logging.set_verbosity(tf.logging.INFO)
  reader = readers.YT8MFrameFeatureReader()
  train_op, label_loss = build_graph(reader, DbofModel(), losses.CrossEntropyLoss())
  with tf.train.MonitoredTrainingSession(checkpoint_dir="/tmp/dbof") as sess:
    step = 0
    while not sess.should_stop():
      _, loss_val = sess.run([train_op, label_loss])
      step += 1
      if step % 100 == 0:
        logging.info("step %d loss %.4f", step, loss_val)


if __name__ == "__main__":
  app.run()
