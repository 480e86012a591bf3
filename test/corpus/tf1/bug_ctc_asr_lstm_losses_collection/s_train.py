# Idiom seen in: mdangschat/ctc-asr python/ts_train.py
# Idiom seen in: mdangschat/ctc-asr python/s_model.py
# What it reproduces: the tf.app.run training script with a logging SessionRunHook; it trains on
# s_model.loss() (CTC only), so the 'losses' collection with the logits' weight decay is never summed.
"""Training the model."""

import time
from datetime import datetime

import tensorflow as tf

import s_model

tf.logging.set_verbosity(tf.logging.INFO)
FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/s_train', """Directory for event logs and checkpoints.""")
tf.app.flags.DEFINE_integer('max_steps', 10001, """Number of batches to run.""")
tf.app.flags.DEFINE_integer('log_frequency', 50, """How often to log results to the console.""")


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        with tf.device('/cpu:0'):
            sample_batch, label_batch, length_batch = s_model.inputs_train()

        logits = s_model.inference(sample_batch, length_batch)
        loss = s_model.loss(logits, label_batch, length_batch)
        train_op = s_model.train(loss, global_step)

        class _LoggerHook(tf.train.SessionRunHook):
            def begin(self):
                self._step = -1
                self._start_time = time.time()

            def before_run(self, run_context):
                self._step += 1
                return tf.train.SessionRunArgs(loss)

            def after_run(self, run_context, run_values):
                if self._step % FLAGS.log_frequency == 0:
                    duration = time.time() - self._start_time
                    self._start_time = time.time()
                    print('{}: step {}, loss = {} ({:.3f} sec/batch)'.format(
                        datetime.now(), self._step, run_values.results.mean(),
                        duration / FLAGS.log_frequency))

        with tf.train.MonitoredTrainingSession(
                checkpoint_dir=FLAGS.train_dir,
                hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps), _LoggerHook()],
                config=tf.ConfigProto(gpu_options=tf.GPUOptions(allow_growth=True))) as mon_sess:
            while not mon_sess.should_stop():
                mon_sess.run(train_op)


# noinspection PyUnusedLocal
def main(argv=None):
    if tf.gfile.Exists(FLAGS.train_dir):
        tf.gfile.DeleteRecursively(FLAGS.train_dir)
    tf.gfile.MakeDirs(FLAGS.train_dir)
    train()


if __name__ == '__main__':
    tf.app.run()
