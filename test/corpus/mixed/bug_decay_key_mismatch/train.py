# Idiom seen in: tensorflow/models research/slim/train_image_classifier.py; tensorflow/models official/r1/resnet/resnet_run_loop.py
# What it reproduces: the TF1 CIFAR-10 training script run through tf.compat.v1: inputs from a
# cifar10_input module this workspace does not hold, model.loss() minimized by plain SGD with an
# exponentially decayed learning rate, and tf.compat.v1.app.run() as the entry point.
import tensorflow as tf

import cifar10_input
import model

FLAGS = tf.compat.v1.app.flags.FLAGS
tf.compat.v1.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data', 'Path to the CIFAR-10 data.')
tf.compat.v1.app.flags.DEFINE_integer('batch_size', 128, 'Number of images to process in a batch.')
tf.compat.v1.app.flags.DEFINE_integer('max_steps', 100000, 'Number of batches to run.')

INITIAL_LEARNING_RATE = 0.1
NUM_EPOCHS_PER_DECAY = 350.0
LEARNING_RATE_DECAY_FACTOR = 0.1


def train():
    tf.compat.v1.disable_eager_execution()
    global_step = tf.compat.v1.train.get_or_create_global_step()
    images, labels = cifar10_input.distorted_inputs(data_dir=FLAGS.data_dir, batch_size=FLAGS.batch_size)
    logits = model.inference(images, FLAGS.batch_size)
    total_loss = model.loss(logits, labels)

    decay_steps = int(cifar10_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN / FLAGS.batch_size * NUM_EPOCHS_PER_DECAY)
    lr = tf.compat.v1.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, decay_steps,
                                              LEARNING_RATE_DECAY_FACTOR, staircase=True)
    train_op = tf.compat.v1.train.GradientDescentOptimizer(lr).minimize(total_loss, global_step=global_step)

    with tf.compat.v1.train.MonitoredTrainingSession(
            hooks=[tf.compat.v1.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as mon_sess:
        while not mon_sess.should_stop():
            _, loss_value = mon_sess.run([train_op, total_loss])


def main(argv=None):
    train()


if __name__ == '__main__':
    tf.compat.v1.app.run()
