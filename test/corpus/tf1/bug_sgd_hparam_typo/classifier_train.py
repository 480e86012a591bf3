# Idiom seen in: gauravmm/cifar-gan adversarial.py
# What it reproduces: classifier-only training reading hyperparam_sgd as `hp`; the penalty
# WEIGHT_DECAY * sum(l2_loss(v)) over the non-bias trainable variables is added to the cross entropy and
# minimized by hp.optimizer_cls (plain SGD, lr 0.5): the decay value in hyperparam_sgd.py is too large (WD301 there).
import tensorflow as tf

import hyperparam_sgd as hp
from models.simple_model import classifier
from data.cifar10 import get_data


def build():
    images, labels = get_data(hp.BATCH_SIZE)
    with tf.variable_scope('model_classifier'):
        logits = classifier(images, hp.NUM_CLASSES)
    xent = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    decay_vars = [v for v in tf.trainable_variables() if 'bias' not in v.name]
    penalty = hp.WEIGHT_DECAY * tf.add_n([tf.nn.l2_loss(v) for v in decay_vars])
    loss = xent + penalty
    global_step = tf.train.get_or_create_global_step()
    train_op = hp.optimizer_cls.minimize(loss, global_step=global_step)
    return train_op, loss


if __name__ == '__main__':
    train_op, loss = build()
    with tf.train.MonitoredTrainingSession(checkpoint_dir='train_logs') as sess:
        step = 0
        while not sess.should_stop() and step < 50000:
            _, loss_val = sess.run([train_op, loss])
            step += 1
