# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/LeNet.py
# Idiom seen in: galeone/dynamic-training-bench dytb/trainers/ClassifierTrainer.py
# What it reproduces: dytb-style layers put wd*l2_loss(W) into the LOSSES collection and the LeNet
# loss() adds the cross entropy to the same collection and returns tf.add_n of it, which the trainer
# minimizes: the decay terms reach the optimizer (clean).
"""Train LeNet on MNIST with the dytb trainer loop"""

import time
import numpy as np
import tensorflow as tf

from inputs.interfaces import InputType
from inputs.MNIST import MNIST
from lenet import LeNet


def build_optimizer(args, global_step):
    lr = tf.train.exponential_decay(args["lr"], global_step, 25000, 0.1,
                                    staircase=True)
    return tf.train.MomentumOptimizer(lr, momentum=0.9)


def train(model, dataset, args, max_steps):
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False, name='global_step')
        with tf.device('/cpu:0'):
            images, labels = dataset.inputs(
                input_type=InputType.train, batch_size=args["batch_size"])

        is_training_, logits = model.get(
            images, dataset.num_classes, train_phase=True,
            l2_penalty=args["regularizations"]["l2"])

        # total loss: cross entropy + weight decay terms
        loss = model.loss(logits, labels)
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
        "batch_size": 128,
        "regularizations": {"l2": 1e-5, "augmentation": None},
    }
    train(LeNet(), MNIST(), ARGS, max_steps=60000)
