# Idiom seen in: taigw/brats17 train.py
# What it reproduces: regularizers are built from the parsed config (decay 1e-7), passed into the network class from nets/msnet.py, and the optimizer minimizes only the NiftyNet segmentation loss. Bug: tf.get_variable(regularizer=...) fills REGULARIZATION_LOSSES but nothing retrieves it (no get_regularization_loss/get_total_loss), so the decay does nothing (WD102 in nets/msnet.py).
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.contrib.layers.python.layers import regularizers
from niftynet.layer.loss_segmentation import LossFunction

from util.data_loader import DataLoader
from util.parse_config import parse_config
from nets.msnet import MSNet


class NetFactory(object):
    @staticmethod
    def create(name):
        if name == 'MSNet':
            return MSNet
        print('unsupported network:', name)
        sys.exit(1)


def train(config_file):
    config = parse_config(config_file)
    config_data = config['data']
    config_net = config['network']
    config_train = config['training']

    class_num = config_net['class_num']
    batch_size = config_data.get('batch_size', 5)
    full_data_shape = [batch_size] + config_data['data_shape']
    full_label_shape = [batch_size] + config_data['label_shape']
    x = tf.placeholder(tf.float32, shape=full_data_shape)
    w = tf.placeholder(tf.float32, shape=full_label_shape)
    y = tf.placeholder(tf.int64, shape=full_label_shape)

    w_regularizer = regularizers.l2_regularizer(config_train.get('decay', 1e-7))
    b_regularizer = regularizers.l2_regularizer(config_train.get('decay', 1e-7))
    net_class = NetFactory.create(config_net['net_type'])
    net = net_class(num_classes=class_num,
                    w_regularizer=w_regularizer,
                    b_regularizer=b_regularizer,
                    name=config_net['net_name'])
    net.set_params(config_net)
    predicty = net(x, is_training=True)

    loss_func = LossFunction(n_class=class_num)
    loss = loss_func(predicty, y, weight_map=w)

    lr = config_train.get('learning_rate', 1e-3)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        opt_step = tf.train.AdamOptimizer(lr).minimize(loss)

    sess = tf.InteractiveSession()
    sess.run(tf.global_variables_initializer())
    saver = tf.train.Saver()
    dataloader = DataLoader(config_data)
    dataloader.load_data()

    loss_list = []
    for n in range(config_train.get('start_iteration', 0), config_train['maximal_iteration']):
        pair = dataloader.get_subimage_batch()
        opt_step.run(session=sess, feed_dict={x: pair['images'], w: pair['weights'], y: pair['labels']})
        if n % config_train['test_iteration'] == 0:
            pair = dataloader.get_subimage_batch()
            value = loss.eval(feed_dict={x: pair['images'], w: pair['weights'], y: pair['labels']})
            loss_list.append(value)
            np.savetxt(config_train['model_save_prefix'] + "_loss.txt", np.asarray(loss_list))
        if (n + 1) % config_train['snapshot_iteration'] == 0:
            saver.save(sess, config_train['model_save_prefix'] + "_{0:}.ckpt".format(n + 1))
    sess.close()


if __name__ == '__main__':
    if len(sys.argv) != 2:
        print('usage: python train.py config17/train_wt_ax.txt')
        sys.exit(1)
    assert os.path.isfile(sys.argv[1])
    train(sys.argv[1])
