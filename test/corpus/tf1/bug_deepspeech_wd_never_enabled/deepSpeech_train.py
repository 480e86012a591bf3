# Idiom seen in: yao-matrix/deepSpeech2 src/deepSpeech_train.py
# What it reproduces: a TF1 training script in the cifar10_train style (tf.app.flags, tf.app.run, input module the
# workspace lacks) that minimizes deepSpeech.loss(), the sum of the 'losses' collection, with momentum SGD and an
# exponentially decayed learning rate. The decay machinery of helper_routines.py is never switched on.
import tensorflow as tf

import deepSpeech
import deepSpeech_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '../models/librispeech/train', 'checkpoints and summaries')
tf.app.flags.DEFINE_string('data_dir', '../data/librispeech/processed/', 'tfrecords')
tf.app.flags.DEFINE_integer('max_steps', 20000, 'number of batches to run')
tf.app.flags.DEFINE_integer('batch_size', 32, 'utterances per batch')
tf.app.flags.DEFINE_integer('num_filters', 32, 'conv filters')
tf.app.flags.DEFINE_integer('temporal_stride', 2, 'conv stride over time')
tf.app.flags.DEFINE_integer('num_hidden', 1024, 'GRU units')
tf.app.flags.DEFINE_integer('num_rnn_layers', 3, 'GRU layers')
tf.app.flags.DEFINE_boolean('use_fp16', False, 'fp16 variables')
tf.app.flags.DEFINE_float('initial_lr', 0.00001, 'initial learning rate')
tf.app.flags.DEFINE_float('lr_decay_factor', 0.9, 'learning rate decay factor')
tf.app.flags.DEFINE_integer('num_epochs_per_decay', 5, 'epochs per decay')
tf.app.flags.DEFINE_float('momentum', 0.9, 'momentum')


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        feats, labels, seq_lens = deepSpeech_input.inputs(eval_data='train', data_dir=FLAGS.data_dir,
                                                          batch_size=FLAGS.batch_size)
        decay_steps = int(deepSpeech_input.NUM_PER_EPOCH_FOR_TRAIN / FLAGS.batch_size * FLAGS.num_epochs_per_decay)
        lr = tf.train.exponential_decay(FLAGS.initial_lr, global_step, decay_steps, FLAGS.lr_decay_factor,
                                        staircase=True)
        opt = tf.train.MomentumOptimizer(lr, FLAGS.momentum)

        logits = deepSpeech.inference(feats, seq_lens, FLAGS)
        loss = deepSpeech.loss(logits, labels, seq_lens)
        grads = opt.compute_gradients(loss)
        grads = [(tf.clip_by_value(g, -400.0, 400.0), v) for g, v in grads if g is not None]
        train_op = opt.apply_gradients(grads, global_step=global_step)
        tf.summary.scalar('loss', loss)

        with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir,
                                               hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps),
                                                      tf.train.NanTensorHook(loss)]) as sess:
            while not sess.should_stop():
                sess.run(train_op)


def main(argv=None):
    if tf.gfile.Exists(FLAGS.train_dir):
        tf.gfile.DeleteRecursively(FLAGS.train_dir)
    tf.gfile.MakeDirs(FLAGS.train_dir)
    train()


if __name__ == '__main__':
    tf.app.run()
