# Idiom seen in: ace19-dev/tensorflow-speech-recognition-challenge simple_audio_recognition/new_train.py
# What it reproduces: the keyword-spotting training script: tf.losses.sparse_softmax_cross_entropy and a
#   Nesterov MomentumOptimizer that minimizes only that cross entropy, with the spectrogram batches from an
#   input_data module the folder does not hold.
import argparse
import sys

import numpy as np
import tensorflow as tf

import input_data  # AudioProcessor over the speech_commands wavs, not in this folder
import models

FLAGS = None


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    sess = tf.InteractiveSession()
    wanted_words = FLAGS.wanted_words.split(',')
    model_settings = models.prepare_model_settings(
        len(input_data.prepare_words_list(wanted_words)), FLAGS.sample_rate, FLAGS.clip_duration_ms,
        FLAGS.window_size_ms, FLAGS.window_stride_ms, FLAGS.dct_coefficient_count)
    audio_processor = input_data.AudioProcessor(FLAGS.data_dir, FLAGS.silence_percentage,
                                                FLAGS.unknown_percentage, wanted_words,
                                                FLAGS.validation_percentage, FLAGS.testing_percentage,
                                                model_settings)
    epochs_list = list(map(int, FLAGS.how_many_training_epochs.split(',')))
    learning_rates_list = list(map(float, FLAGS.learning_rate.split(',')))

    fingerprint_input = tf.placeholder(tf.float32, [None, model_settings['fingerprint_size']],
                                       name='fingerprint_input')
    logits = models.create_model(fingerprint_input, model_settings, FLAGS.model_architecture,
                                 is_training=True, weight_decay=FLAGS.weight_decay)
    ground_truth_input = tf.placeholder(tf.int64, [None], name='groundtruth_input')

    with tf.name_scope('cross_entropy'):
        cross_entropy_mean = tf.losses.sparse_softmax_cross_entropy(labels=ground_truth_input, logits=logits)
    tf.summary.scalar('cross_entropy', cross_entropy_mean)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.name_scope('train'), tf.control_dependencies(update_ops):
        learning_rate_input = tf.placeholder(tf.float32, [], name='learning_rate_input')
        train_step = tf.train.MomentumOptimizer(learning_rate_input, FLAGS.momentum,
                                                use_nesterov=True).minimize(cross_entropy_mean)
    correct_prediction = tf.equal(tf.argmax(logits, 1), ground_truth_input)
    evaluation_step = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
    merged_summaries = tf.summary.merge_all()
    train_writer = tf.summary.FileWriter(FLAGS.summaries_dir + '/train', sess.graph)
    saver = tf.train.Saver(tf.global_variables())
    tf.global_variables_initializer().run()

    step = 0
    for epochs, lr in zip(epochs_list, learning_rates_list):
        for _ in range(epochs):
            for fingerprints, labels in audio_processor.get_data(FLAGS.batch_size, 'training', sess):
                summary, acc, _ = sess.run(
                    [merged_summaries, evaluation_step, train_step],
                    feed_dict={fingerprint_input: fingerprints, ground_truth_input: labels,
                               learning_rate_input: lr})
                train_writer.add_summary(summary, step)
                step += 1
            tf.logging.info('step %d: accuracy %.1f%%' % (step, acc * 100))
            saver.save(sess, FLAGS.train_dir + '/mobilenet.ckpt', global_step=step)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, default='../input/train/audio/')
    parser.add_argument('--wanted_words', type=str, default='yes,no,up,down,left,right,on,off,stop,go')
    parser.add_argument('--sample_rate', type=int, default=16000)
    parser.add_argument('--clip_duration_ms', type=int, default=1000)
    parser.add_argument('--window_size_ms', type=float, default=30.0)
    parser.add_argument('--window_stride_ms', type=float, default=10.0)
    parser.add_argument('--dct_coefficient_count', type=int, default=40)
    parser.add_argument('--silence_percentage', type=float, default=10.0)
    parser.add_argument('--unknown_percentage', type=float, default=10.0)
    parser.add_argument('--validation_percentage', type=int, default=10)
    parser.add_argument('--testing_percentage', type=int, default=10)
    parser.add_argument('--how_many_training_epochs', type=str, default='30,10')
    parser.add_argument('--learning_rate', type=str, default='0.01,0.001')
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=4e-5)
    parser.add_argument('--batch_size', type=int, default=100)
    parser.add_argument('--model_architecture', type=str, default='mobilenet')
    parser.add_argument('--summaries_dir', type=str, default='/tmp/retrain_logs')
    parser.add_argument('--train_dir', type=str, default='/tmp/speech_commands_train')
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(main=main, argv=[sys.argv[0]] + unparsed)
