# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10_train.py
# What it reproduces: the driver of the CIFAR-10 program whose decay constants are all 0 (see
#   cifar10_params.py and the guard in cifar10.py); the wiring of the total loss itself is right.
import tensorflow as tf

import cifar10
import cifar10_input
import cifar10_params as params

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('run_num', 0, 'Experiment number.')
tf.app.flags.DEFINE_string('directory', '/tmp/cifar10_runs', 'Output directory.')


def main(argv=None):
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images, labels = cifar10_input.distorted_inputs(batch_size=128)
        logits = cifar10.inference(images)
        total_loss = cifar10.loss(logits, labels)
        opt = tf.train.GradientDescentOptimizer(params.INITIAL_LEARNING_RATE)
        train_op = opt.minimize(total_loss, global_step=global_step)
        with tf.train.MonitoredTrainingSession(
                checkpoint_dir=params.train_dir(FLAGS.directory, FLAGS.run_num),
                hooks=[tf.train.StopAtStepHook(last_step=params.MAX_STEPS)]) as sess:
            while not sess.should_stop():
                sess.run(train_op)


if __name__ == '__main__':
    tf.app.run()
