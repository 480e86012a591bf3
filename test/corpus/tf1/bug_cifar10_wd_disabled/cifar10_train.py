# Idiom seen in: Aaron-Zhao123/Cifar10_tf_docker cifar10_train.py
# What it reproduces: the training script of the pruning copy: builds inference/loss/train from cifar10.py and
# runs a MonitoredTrainingSession under tf.app.run(); no call of the decay helper ever enables the decay.
import tensorflow as tf

import cifar10
import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_prune', 'checkpoint directory')
tf.app.flags.DEFINE_integer('max_steps', 50000, 'number of batches to run')


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images, labels = cifar10_input.distorted_inputs(batch_size=FLAGS.batch_size)
        logits = cifar10.inference(images)
        total_loss = cifar10.loss(logits, labels)
        train_op = cifar10.train(total_loss, global_step)
        with tf.train.MonitoredTrainingSession(
                checkpoint_dir=FLAGS.train_dir,
                hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
            while not sess.should_stop():
                sess.run(train_op)


def main(argv=None):
    train()


if __name__ == '__main__':
    tf.app.run()
