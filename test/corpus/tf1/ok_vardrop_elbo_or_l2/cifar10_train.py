# Idiom seen in: BayesWatch/tf-variational-dropout cifar10.py
# What it reproduces: the tf.app.run() training script: total_loss = cifar10.loss(...) (cross entropy
#   plus the KL or the l2 term) is the loss cifar10.train() builds the train op on (clean).
import time
import tensorflow as tf

import cifar10

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', 'Directory for event logs and checkpoints.')
tf.app.flags.DEFINE_integer('max_steps', 100000, 'Number of batches to run.')
tf.app.flags.DEFINE_float('learning_rate', 0.05, 'Learning rate.')


def run_training():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        with tf.device('/cpu:0'):
            images, labels = cifar10.distorted_inputs()
        phase = tf.placeholder_with_default(True, shape=(), name='phase')
        logits = cifar10.inference(images, phase)
        total_loss = cifar10.loss(logits, labels)
        train_op = cifar10.train(total_loss, global_step, FLAGS.learning_rate)

        class _LoggerHook(tf.train.SessionRunHook):
            def begin(self):
                self._start_time = time.time()

            def before_run(self, run_context):
                return tf.train.SessionRunArgs(total_loss)

            def after_run(self, run_context, run_values):
                print('loss = %.3f (%.1fs)' % (run_values.results, time.time() - self._start_time))

        with tf.train.MonitoredTrainingSession(
                checkpoint_dir=FLAGS.train_dir,
                hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps), _LoggerHook()]) as mon_sess:
            while not mon_sess.should_stop():
                mon_sess.run(train_op)


def main(argv=None):
    run_training()


if __name__ == '__main__':
    tf.app.run()
