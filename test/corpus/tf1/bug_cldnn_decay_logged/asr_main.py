# Idiom seen in: zssloth/TF-Speech-Recognition asr_main.py
# Idiom seen in: zssloth/TF-Speech-Recognition asr_model.py
# What it reproduces: the training driver (tf.app.run, data module the workspace lacks) that builds ASRModel with
# weight_decay_rate=0.0002 and runs model.train_op, which differentiates model.cost only (see asr_model.py).
import tensorflow as tf

import asr_model
import data

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('mode', 'train', 'train or eval.')
tf.app.flags.DEFINE_string('data_path', '', 'TFRecord pattern for LibriSpeech.')
tf.app.flags.DEFINE_string('log_root', '/tmp/cldnn', 'Checkpoints and summaries.')
tf.app.flags.DEFINE_integer('num_gpus', 1, 'GPUs to use.')


def train(hps):
    mfccs, labels, seq_len = data.build_input(FLAGS.data_path, hps.batch_size, FLAGS.mode)
    model = asr_model.ASRModel(hps, FLAGS.mode, mfccs, labels, seq_len)
    model.build_graph()

    summary_hook = tf.train.SummarySaverHook(save_steps=100, output_dir=FLAGS.log_root + '/train',
                                             summary_op=model.summaries)
    logging_hook = tf.train.LoggingTensorHook({'step': model.global_step, 'cost': model.cost, 'ler': model.ler},
                                              every_n_iter=100)
    with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.log_root,
                                           hooks=[logging_hook],
                                           chief_only_hooks=[summary_hook],
                                           save_summaries_steps=0) as sess:
        while not sess.should_stop():
            sess.run(model.train_op)


def main(_):
    hps = asr_model.HParams(batch_size=16, num_classes=29, lrn_rate=0.001, num_layers=5,
                            weight_decay_rate=0.0002, relu_leakiness=0.1, optimizer='adam')
    if FLAGS.mode == 'train':
        train(hps)


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run()
