# Idiom seen in: treeson-li/multi-GPU-onsets_frames model.py
# Idiom seen in: treeson-li/multi-GPU-onsets_frames train_util.py
# What it reproduces: the Onsets and Frames piano-transcription graph: a Kelz conv stack under a slim
#   arg_scope (here with weights_regularizer=slim.l2_regularizer(hparams.weight_decay)), heads that
#   tf.losses.add_loss their log losses, get_model returning tf.losses.get_total_loss() (data losses +
#   regularization losses) trained by slim.learning.create_train_op: clean.
import tensorflow as tf
import tensorflow.contrib.slim as slim

import data
import model


def train(train_dir, examples_path, hparams, num_steps=None):
    with tf.Graph().as_default():
        transcription_data = data.provide_batch(hparams.batch_size, examples_path, hparams,
                                                is_training=True)
        loss, losses, _ = model.get_model(transcription_data, hparams, is_training=True)
        tf.summary.scalar('loss', loss)
        for label, loss_collection in losses.items():
            tf.summary.scalar('losses/' + label, tf.reduce_mean(loss_collection))

        global_step = tf.train.get_or_create_global_step()
        learning_rate = tf.train.exponential_decay(hparams.learning_rate, global_step,
                                                   hparams.decay_steps, hparams.decay_rate,
                                                   staircase=True)
        optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate)
        train_op = slim.learning.create_train_op(loss, optimizer,
                                                 clip_gradient_norm=hparams.clip_norm,
                                                 summarize_gradients=True)
        hooks = [tf.train.LoggingTensorHook({'global_step': global_step, 'loss': loss},
                                            every_n_iter=100)]
        if num_steps:
            hooks.append(tf.train.StopAtStepHook(num_steps))
        tf.contrib.training.train(train_op=train_op, logdir=train_dir, hooks=hooks,
                                  save_summaries_steps=10, save_checkpoint_secs=600)


def main(unused_argv):
    FLAGS = tf.app.flags.FLAGS
    train(FLAGS.train_dir, FLAGS.examples_path, model.get_default_hparams(), FLAGS.num_steps)


if __name__ == '__main__':
    tf.app.flags.DEFINE_string('train_dir', '/tmp/onsets_frames/train', 'Checkpoint dir')
    tf.app.flags.DEFINE_string('examples_path', 'maestro_train.tfrecord', 'TFRecord path')
    tf.app.flags.DEFINE_integer('num_steps', 1000000, 'Training steps')
    tf.app.run(main)
