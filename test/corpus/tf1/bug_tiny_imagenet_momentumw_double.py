# Idiom seen in: pat-coady/tiny_imagenet src/single_layer_nn.py
# Idiom seen in: pat-coady/tiny_imagenet src/train.py
# What it reproduces: the model puts l2_loss(W1)+l2_loss(W2) into REGULARIZATION_LOSSES and the script adds
#   config.reg times that sum to the loss (as the repo does); this user variant also swapped the optimizer to
#   tf.contrib.opt.MomentumWOptimizer(weight_decay=...) on the same weights, so W1/W2 are decayed twice (WD201).
import tensorflow as tf

from input_pipe import batch_q
from losses import softmax_ce_loss


class TrainConfig(object):
    batch_size = 64
    num_epochs = 20
    lr = 0.01
    reg = 5e-4       # L2 scale applied to REGULARIZATION_LOSSES
    wd = 5e-4        # decoupled decay of MomentumW
    momentum = 0.9


def single_layer_nn(training_batch, config):
    img = tf.cast(training_batch, tf.float32)
    x = tf.reshape((img - 128.0) / 128.0, (config.batch_size, -1))
    with tf.variable_scope('hid1', initializer=tf.random_normal_initializer(stddev=0.1 / (56 * 56 * 3) ** 0.5)):
        w1 = tf.get_variable(shape=(56 * 56 * 3, 1024), name='W1')
        b1 = tf.get_variable(shape=(1, 1024), name='b')
    h1 = tf.nn.relu(tf.matmul(x, w1) + b1)
    with tf.variable_scope('output', initializer=tf.random_normal_initializer(stddev=0.1 / 1024 ** 0.5)):
        w2 = tf.get_variable(shape=(1024, 200), name='W2')
        b2 = tf.get_variable(shape=(1, 200), name='b2')
    logits = tf.matmul(h1, w2) + b2

    l2_loss = (tf.nn.l2_loss(w1) + tf.nn.l2_loss(w2))  # expect: WD201
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, l2_loss)
    return logits, [w1, w2]


def optimizer(loss, weights, config):
    global_step = tf.Variable(0, trainable=False, name='global_step')
    optim = tf.contrib.opt.MomentumWOptimizer(weight_decay=config.wd,
                                              learning_rate=config.lr,
                                              momentum=config.momentum,
                                              use_nesterov=True)
    train_op = optim.minimize(loss, global_step=global_step, decay_var_list=weights)
    return train_op, global_step


def model(mode, config):
    with tf.device('/cpu:0'):
        imgs, labels = batch_q(mode, config)
    logits, weights = single_layer_nn(imgs, config)
    softmax_ce_loss(logits, labels)
    total_loss = tf.add_n(tf.get_collection(tf.GraphKeys.LOSSES), name='total_loss')
    total_loss += tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)) * config.reg
    return total_loss, weights


def train():
    config = TrainConfig()
    with tf.Graph().as_default():
        loss, weights = model('train', config)
        train_op, g_step = optimizer(loss, weights, config)
        with tf.Session() as sess:
            sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            try:
                while not coord.should_stop():
                    _, step, loss_val = sess.run([train_op, g_step, loss])
                    if step % 500 == 0:
                        print('step {}: loss {:.3f}'.format(step, loss_val))
            except tf.errors.OutOfRangeError:
                pass
            finally:
                coord.request_stop()
            coord.join(threads)


if __name__ == "__main__":
    train()
