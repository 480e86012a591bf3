# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/SingleLayerCAE.py
# Idiom seen in: galeone/dynamic-training-bench dytb/trainers/ClassifierTrainer.py
# What it reproduces: dytb-style layers put wd*l2_loss(W) into the LOSSES collection; a new regressor
# model (a user mistake in this idiom; the repo models sum the collection) returns the bare MSE from
# loss(), so the trainer minimizes a loss without any of the decay terms.
"""Train the ConvRegressor"""

import time
import numpy as np
import tensorflow as tf

from inputs.interfaces import InputType
from inputs.faces import FacialLandmarks
from regressor import ConvRegressor


def build_optimizer(args, global_step):
    lr = tf.train.exponential_decay(args["lr"], global_step, 10000, 0.96,
                                    staircase=True)
    return tf.train.MomentumOptimizer(lr, momentum=0.9)


def train(model, dataset, args, max_steps):
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False, name='global_step')
        with tf.device('/cpu:0'):
            images, targets = dataset.inputs(
                input_type=InputType.train, batch_size=args["batch_size"])

        is_training_, predictions = model.get(
            images, dataset.num_outputs, train_phase=True,
            l2_penalty=args["regularizations"]["l2"])

        loss = model.loss(predictions, targets)
        tf.summary.scalar('loss', loss)

        optimizer = build_optimizer(args, global_step)
        train_op = optimizer.minimize(loss, global_step=global_step)

        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            for step in range(max_steps):
                start = time.time()
                _, loss_value = sess.run([train_op, loss],
                                         feed_dict={is_training_: True})
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
        "lr": 1e-2,
        "batch_size": 64,
        "regularizations": {"l2": 1e-5, "augmentation": None},
    }
    train(ConvRegressor(), FacialLandmarks(), ARGS, max_steps=20000)
