# Idiom seen in: google/youtube-8m train.py
# Idiom seen in: google/youtube-8m video_level_models.py
# What it reproduces: the trainer adds result["regularization_loss"] and the sum of
#   tf.losses.get_regularization_losses() to the label loss (scaled by a flag) and differentiates
#   final_loss with compute_gradients/apply_gradients. Clean.
"""Binary for training Tensorflow models on the YouTube-8M dataset."""

import tensorflow as tf
from tensorflow import app
from tensorflow import flags
from tensorflow import logging

import losses
import readers
import utils
import video_level_models

FLAGS = flags.FLAGS
flags.DEFINE_string("train_data_pattern", "", "File glob for the training dataset.")
flags.DEFINE_integer("batch_size", 1024, "How many examples to process per batch for training.")
flags.DEFINE_float("base_learning_rate", 0.01, "Which learning rate to start with.")
flags.DEFINE_float("learning_rate_decay", 0.95, "Learning rate decay factor.")
flags.DEFINE_float("learning_rate_decay_examples", 4000000, "Examples between decays.")
flags.DEFINE_float("regularization_penalty", 1.0,
                   "How much weight to give to the regularization loss (the label loss has a weight of 1).")
flags.DEFINE_float("clip_gradient_norm", 1.0, "Norm to clip gradients to.")


def build_graph(reader, model, train_data_pattern, label_loss_fn,
                batch_size=1000, base_learning_rate=0.01,
                learning_rate_decay_examples=1000000, learning_rate_decay=0.95,
                optimizer_class=tf.train.AdamOptimizer, clip_gradient_norm=1.0,
                regularization_penalty=1):
  global_step = tf.Variable(0, trainable=False, name="global_step")
  learning_rate = tf.train.exponential_decay(
      base_learning_rate, global_step * batch_size,
      learning_rate_decay_examples, learning_rate_decay, staircase=True)
  tf.summary.scalar("learning_rate", learning_rate)
  optimizer = optimizer_class(learning_rate)

  batch = readers.get_input_data_tensors(reader, train_data_pattern, batch_size=batch_size)
  model_input = tf.nn.l2_normalize(batch["video_matrix"], 1)
  labels_batch = batch["labels"]

  result = model.create_model(model_input, vocab_size=reader.num_classes,
                              labels=labels_batch)
  predictions = result["predictions"]
  if "loss" in result.keys():
    label_loss = result["loss"]
  else:
    label_loss = label_loss_fn.calculate_loss(predictions, labels_batch)

  if "regularization_loss" in result.keys():
    reg_loss = result["regularization_loss"]
  else:
    reg_loss = tf.constant(0.0)
  reg_losses = tf.losses.get_regularization_losses()
  if reg_losses:
    reg_loss += tf.add_n(reg_losses)

  # Incorporate the L2 weight penalties etc.
  final_loss = regularization_penalty * reg_loss + label_loss
  gradients = optimizer.compute_gradients(final_loss, colocate_gradients_with_ops=False)
  if clip_gradient_norm > 0:
    gradients = utils.clip_gradient_norms(gradients, clip_gradient_norm)
  train_op = optimizer.apply_gradients(gradients, global_step=global_step)

  tf.summary.scalar("label_loss", label_loss)
  tf.summary.scalar("reg_loss", reg_loss)
  tf.add_to_collection("global_step", global_step)
  tf.add_to_collection("loss", label_loss)
  tf.add_to_collection("predictions", predictions)
  tf.add_to_collection("train_op", train_op)
  return train_op, label_loss


def main(unused_argv):
  logging.set_verbosity(tf.logging.INFO)
  reader = readers.YT8MAggregatedFeatureReader()
  model = video_level_models.MoeModel()
  with tf.Graph().as_default():
    train_op, label_loss = build_graph(
        reader=reader, model=model,
        train_data_pattern=FLAGS.train_data_pattern,
        label_loss_fn=losses.CrossEntropyLoss(),
        batch_size=FLAGS.batch_size,
        base_learning_rate=FLAGS.base_learning_rate,
        learning_rate_decay_examples=FLAGS.learning_rate_decay_examples,
        learning_rate_decay=FLAGS.learning_rate_decay,
        clip_gradient_norm=FLAGS.clip_gradient_norm,
        regularization_penalty=FLAGS.regularization_penalty)
    with tf.train.MonitoredTrainingSession(checkpoint_dir="/tmp/yt8m_model") as sess:
      while not sess.should_stop():
        _, loss_val = sess.run([train_op, label_loss])
        logging.info("training loss: %.4f", loss_val)


if __name__ == "__main__":
  app.run()
