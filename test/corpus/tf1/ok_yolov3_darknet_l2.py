# Idiom seen in: Stick-To/Object-Detection-Tensorflow YOLOv3.py
# Idiom seen in: Stick-To/Object-Detection-Tensorflow testYOLOv3.py
# What it reproduces: detector class configured by a dict; the training loss is
#   0.5 * detection loss + config['weight_decay'] * add_n(l2_loss of every trainable variable), and that
#   sum is what the MomentumOptimizer minimizes (clean; lr is a placeholder fed per epoch).
import sys
import numpy as np
import tensorflow as tf
import utils.tfrecord_voc_utils as voc_utils


class YOLOv3:
    def __init__(self, config, data_provider):
        self.config = config
        self.num_classes = config['num_classes']
        self.weight_decay = config['weight_decay']
        self.data_format = config['data_format']
        self.batch_size = config['batch_size']
        self.num_priors = config['num_priors']
        self.final_units = (self.num_classes + 5) * self.num_priors
        self.num_train = data_provider['num_train']
        self.train_initializer, self.train_iterator = data_provider['train_generator']
        self.global_step = tf.get_variable(name='global_step', initializer=tf.constant(0), trainable=False)
        self._define_inputs()
        self._build_graph()
        self._init_session()

    def _define_inputs(self):
        self.images, self.ground_truth = self.train_iterator.get_next()
        self.lr = tf.placeholder(dtype=tf.float32, shape=[], name='lr')
        self.is_training = tf.placeholder(dtype=tf.bool, shape=[], name='is_training')

    def _conv_layer(self, bottom, filters, kernel_size, strides, is_activation=True):
        conv = tf.layers.conv2d(inputs=bottom, filters=filters, kernel_size=kernel_size, strides=strides,
                                padding='same', data_format=self.data_format,
                                kernel_initializer=tf.contrib.layers.variance_scaling_initializer())
        bn = tf.layers.batch_normalization(conv, axis=3 if self.data_format == 'channels_last' else 1,
                                           training=self.is_training)
        return tf.nn.leaky_relu(bn, 0.1) if is_activation else bn

    def _darknet_block(self, bottom, filters, blocks, scope):
        with tf.variable_scope(scope):
            conv = self._conv_layer(bottom, filters, 3, 2)
            for _ in range(blocks):
                conv = conv + self._conv_layer(self._conv_layer(conv, filters // 2, 1, 1), filters, 3, 1)
            return conv

    def _yolo_loss(self, pred):
        pred = tf.reshape(pred, [self.batch_size, -1, self.num_classes + 5])
        obj_loss = tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(
            labels=tf.zeros_like(pred[..., -1]), logits=pred[..., -1]))
        coord_loss = tf.reduce_sum(tf.square(pred[..., :4] - self.ground_truth[..., :4]))
        return (coord_loss + obj_loss) / self.batch_size

    def _build_graph(self):
        with tf.variable_scope('backone'):
            net = self._conv_layer(self.images, 32, 3, 1)
            net = self._darknet_block(net, 64, 1, 'block1')
            net = self._darknet_block(net, 128, 2, 'block2')
            net = self._darknet_block(net, 256, 8, 'block3')
        with tf.variable_scope('head'):
            pred = self._conv_layer(net, self.final_units, 1, 1, False)
        total_loss = self._yolo_loss(pred)
        optimizer = tf.train.MomentumOptimizer(learning_rate=self.lr, momentum=0.9)
        self.loss = .5 * total_loss + self.weight_decay * tf.add_n(
            [tf.nn.l2_loss(var) for var in tf.trainable_variables()]
        )
        train_op = optimizer.minimize(self.loss, global_step=self.global_step)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        self.train_op = tf.group([update_ops, train_op])

    def _init_session(self):
        self.sess = tf.InteractiveSession()
        self.sess.run(tf.global_variables_initializer())
        self.sess.run(self.train_initializer)

    def train_one_epoch(self, lr):
        self.sess.run(self.train_initializer)
        mean_loss = []
        for i in range(self.num_train // self.batch_size):
            _, loss = self.sess.run([self.train_op, self.loss], feed_dict={self.lr: lr, self.is_training: True})
            sys.stdout.write('\r>> iters %d loss %.4f' % (i, loss))
            mean_loss.append(loss)
        return np.mean(mean_loss)


config = {
    'mode': 'train',
    'data_shape': [448, 448, 3],
    'num_classes': 20,
    'weight_decay': 5e-4,
    'keep_prob': 0.5,
    'data_format': 'channels_last',
    'batch_size': 8,
    'num_priors': 3,
}

if __name__ == '__main__':
    train_gen = voc_utils.get_generator(['./data/train_00000-of-00005.tfrecord'], config['batch_size'],
                                        buffer_size=20, image_preprocess_config=None)
    testnet = YOLOv3(config, {'num_train': 5011, 'train_generator': train_gen})
    lr = 0.001
    for i in range(300):
        print('learning rate:', lr)
        mean_loss = testnet.train_one_epoch(lr)
        print('\n>> mean loss', mean_loss)
        if i in [150, 225]:
            lr = lr / 10.
