# Idiom seen in: Rayhane-mamah/Tacotron-2 tacotron/train.py
# What it reproduces: the training driver: builds the model (initialize, add_loss, add_optimizer), logs
#   model.regularization next to the other losses in add_stats, and runs model.optimize, which was built
#   from model.loss only (the bug is in tacotron.py).
import argparse
import os
import tensorflow as tf
from hparams import hparams
from feeder import Feeder
from tacotron import Tacotron


def add_stats(model):
    with tf.variable_scope('stats'):
        tf.summary.scalar('before_loss', model.before_loss)
        tf.summary.scalar('after_loss', model.after_loss)
        tf.summary.scalar('regularization_loss', model.regularization)
        tf.summary.scalar('stop_token_loss', model.stop_token_loss)
        tf.summary.scalar('loss', model.loss)
        tf.summary.scalar('learning_rate', model.learning_rate)
        return tf.summary.merge_all()


def train(log_dir, args, hparams):
    coord = tf.train.Coordinator()
    with tf.variable_scope('datafeeder'):
        feeder = Feeder(coord, os.path.join(args.base_dir, args.tacotron_input), hparams)
    global_step = tf.Variable(0, name='global_step', trainable=False)
    with tf.variable_scope('Tacotron_model'):
        model = Tacotron(hparams)
        model.initialize(feeder.inputs, feeder.input_lengths, feeder.mel_targets, feeder.token_targets)
        model.add_loss()
        model.add_optimizer(global_step)
        stats = add_stats(model)
    saver = tf.train.Saver(max_to_keep=5)
    with tf.Session() as sess:
        summary_writer = tf.summary.FileWriter(log_dir, sess.graph)
        sess.run(tf.global_variables_initializer())
        feeder.start_threads(sess)
        for _ in range(args.tacotron_train_steps):
            step, loss, opt = sess.run([global_step, model.loss, model.optimize])
            if step % args.summary_interval == 0:
                summary_writer.add_summary(sess.run(stats), step)
                print('Step {:7d} loss={:.5f}'.format(step, loss))
            if step % args.checkpoint_interval == 0:
                saver.save(sess, os.path.join(log_dir, 'tacotron_model.ckpt'), global_step=global_step)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--base_dir', default='')
    parser.add_argument('--tacotron_input', default='training_data/train.txt')
    parser.add_argument('--summary_interval', type=int, default=250)
    parser.add_argument('--checkpoint_interval', type=int, default=5000)
    parser.add_argument('--tacotron_train_steps', type=int, default=100000)
    args = parser.parse_args()
    train('logs-Tacotron', args, hparams)
