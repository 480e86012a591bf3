"""Train the model from cifar10.py.

Random arrays stand in for the CIFAR-10 images so the script runs without
downloading the data set.
"""
import numpy as np
import tensorflow as tf

import cifar10

MAX_STEPS = 1000
LOG_EVERY = 100


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        images = tf.placeholder(
            tf.float32,
            [cifar10.BATCH_SIZE, cifar10.IMAGE_SIZE, cifar10.IMAGE_SIZE, cifar10.NUM_CHANNELS],
            name='images')
        labels = tf.placeholder(tf.int32, [cifar10.BATCH_SIZE], name='labels')

        logits = cifar10.inference(images)
        loss = cifar10.loss(logits, labels)
        train_op = cifar10.train(loss, global_step)

        rng = np.random.RandomState(0)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for step in range(MAX_STEPS):
                feed = {
                    images: rng.rand(*images.shape.as_list()).astype(np.float32),
                    labels: rng.randint(0, cifar10.NUM_CLASSES, size=cifar10.BATCH_SIZE),
                }
                _, loss_value = sess.run([train_op, loss], feed_dict=feed)
                if step % LOG_EVERY == 0:
                    print('step %d: total loss %.4f' % (step, loss_value))


def main(argv=None):
    del argv
    train()


if __name__ == '__main__':
    tf.app.run()
