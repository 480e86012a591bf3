# Idiom seen in: pat-coady/tiny_imagenet src/vgg_16.py
# Idiom seen in: pat-coady/tiny_imagenet src/train.py
# Idiom seen in: pat-coady/tiny_imagenet src/losses.py
# What it reproduces: layers built with kernel_regularizer=l2_regularizer(1.0) and the real scale applied in the
#   training script (config.reg times the summed REGULARIZATION_LOSSES) added to the summed LOSSES collection;
#   that total is what MomentumOptimizer minimizes, so the decay is live. Clean.
import tensorflow as tf

from input_pipe import batch_q
from metrics import accuracy
from losses import softmax_ce_loss
from vgg_16 import vgg_16


class TrainConfig(object):
    """Training configuration"""
    batch_size = 64
    num_epochs = 50
    lr = 0.01
    reg = 5e-4  # regularization
    momentum = 0.9
    dropout_keep_prob = 0.5
    model = staticmethod(vgg_16)


def optimizer(loss, config):
    lr = tf.Variable(config.lr, trainable=False, dtype=tf.float32)
    global_step = tf.Variable(0, trainable=False, name='global_step')
    optim = tf.train.MomentumOptimizer(lr, config.momentum, use_nesterov=True)
    train_op = optim.minimize(loss, global_step=global_step)
    return train_op, global_step, lr


def model(mode, config):
    with tf.device('/cpu:0'):
        imgs, labels = batch_q(mode, config)
    logits = config.model(imgs, config)
    softmax_ce_loss(logits, labels)
    acc = accuracy(logits, labels)
    total_loss = tf.add_n(tf.get_collection(tf.GraphKeys.LOSSES), name='total_loss')
    total_loss += tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES),
                           name='total_reg_loss') * config.reg
    for l2 in tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES):
        tf.summary.histogram('l2_loss_' + l2.name.split('/')[0], l2)
    return total_loss, acc


def train():
    config = TrainConfig()
    with tf.Graph().as_default():
        loss, acc = model('train', config)
        train_op, g_step, lr = optimizer(loss, config)
        extra_update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        init = tf.group(tf.global_variables_initializer(), tf.local_variables_initializer())
        with tf.Session() as sess:
            sess.run(init)
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            try:
                while not coord.should_stop():
                    _, step, loss_val = sess.run([train_op, g_step, loss] + extra_update_ops)[:3]
                    if step % 250 == 0:
                        print('step {}: loss {:.3f}'.format(step, loss_val))
            except tf.errors.OutOfRangeError:
                pass
            finally:
                coord.request_stop()
            coord.join(threads)


if __name__ == "__main__":
    train()
