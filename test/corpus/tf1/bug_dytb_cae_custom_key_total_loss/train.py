# Idiom seen in: galeone/dynamic-training-bench dytb/models/collections.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/SingleLayerCAE.py
# What it reproduces: dytb-style layers add wd*l2_loss(W) to the module constant LOSSES, here namespaced
# as 'dytb/losses' (a user change in this idiom); the CAE loss switches to tf.losses and returns
# tf.losses.get_total_loss(), which reads tf.GraphKeys.LOSSES and REGULARIZATION_LOSSES, never that key.
"""Train the SingleLayerCAE"""

import time
import numpy as np
import tensorflow as tf

from inputs.interfaces import InputType
from inputs.Cifar10 import Cifar10
from cae import SingleLayerCAE


def train(model, dataset, args, max_steps):
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False, name='global_step')
        with tf.device('/cpu:0'):
            images, _ = dataset.inputs(input_type=InputType.train,
                                       batch_size=args["batch_size"])

        is_training_, reconstructions = model.get(
            images, train_phase=True, l2_penalty=args["regularizations"]["l2"])
        loss = model.loss(reconstructions, images)
        tf.summary.scalar('loss', loss)

        optimizer = tf.train.AdamOptimizer(args["lr"])
        train_op = optimizer.minimize(loss, global_step=global_step)

        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            for step in range(max_steps):
                start = time.time()
                _, loss_value = sess.run([train_op, loss], feed_dict={is_training_: True})
                if np.isnan(loss_value):
                    print('Model diverged with loss = NaN')
                    break
                if step % 100 == 0:
                    print('step {}: loss = {:.4f} ({:.3f} sec/batch)'.format(
                        step, loss_value, time.time() - start))
            coord.request_stop()
            coord.join(threads)


if __name__ == '__main__':
    ARGS = {
        "lr": 1e-3,
        "batch_size": 128,
        "regularizations": {"l2": 1e-5, "augmentation": None},
    }
    train(SingleLayerCAE(), Cifar10(), ARGS, max_steps=30000)
