# Idiom seen in: Stick-To/Object-Detection-Tensorflow YOLOv2.py
# Idiom seen in: Stick-To/Object-Detection-Tensorflow testYOLOv2.py
# What it reproduces: config-dict detector whose loss is detection loss + config['weight_decay'] *
#   add_n(l2_loss of all trainable variables), minimized by MomentumOptimizer. Realistic mistake (the
#   repo's test script uses 5e-4): a sign slip makes the configured decay negative, so the "decay"
#   term rewards larger weights.
import sys
import numpy as np
import tensorflow as tf
import utils.tfrecord_voc_utils as voc_utils


class YOLOv2:
    def __init__(self, config, data_provider):
        self.num_classes = config['num_classes']
        self.weight_decay = config['weight_decay']
        self.batch_size = config['batch_size']
        self.num_priors = len(config['priors'])
        self.coord_scale = config['coord_scale']
        self.noobj_scale = config['noobj_scale']
        self.num_train = data_provider['num_train']
        self.train_initializer, self.train_iterator = data_provider['train_generator']
        self.global_step = tf.get_variable(name='global_step', initializer=tf.constant(0), trainable=False)
        self.images, self.ground_truth = self.train_iterator.get_next()
        self.lr = tf.placeholder(dtype=tf.float32, shape=[], name='lr')
        self.is_training = tf.placeholder(dtype=tf.bool, shape=[], name='is_training')
        self._build_graph()
        self.sess = tf.InteractiveSession()
        self.sess.run(tf.global_variables_initializer())

    def _conv_bn_activation(self, bottom, filters, kernel_size, strides=1):
        conv = tf.layers.conv2d(bottom, filters, kernel_size, strides, padding='same',
                                kernel_initializer=tf.contrib.layers.variance_scaling_initializer())
        bn = tf.layers.batch_normalization(conv, training=self.is_training)
        return tf.nn.leaky_relu(bn, 0.1)

    def _build_graph(self):
        net = self.images
        for filters in [32, 64, 128, 256, 512]:
            net = self._conv_bn_activation(net, filters, 3)
            net = tf.layers.max_pooling2d(net, 2, 2, padding='same')
        net = self._conv_bn_activation(net, 1024, 3)
        pred = tf.layers.conv2d(net, (self.num_classes + 5) * self.num_priors, 1, 1, padding='same')
        pred = tf.reshape(pred, [self.batch_size, -1, self.num_classes + 5])
        coord_loss = tf.reduce_sum(tf.square(pred[..., :4] - self.ground_truth[..., :4]))
        noobj_loss = tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(
            labels=tf.zeros_like(pred[..., 4]), logits=pred[..., 4]))
        total_loss = (self.coord_scale * coord_loss + self.noobj_scale * noobj_loss) / self.batch_size
        optimizer = tf.train.MomentumOptimizer(learning_rate=self.lr, momentum=0.9)
        self.loss = total_loss + self.weight_decay * tf.add_n(
            [tf.nn.l2_loss(var) for var in tf.trainable_variables()]
        )
        train_op = optimizer.minimize(self.loss, global_step=self.global_step)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        self.train_op = tf.group([update_ops, train_op])

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
    'weight_decay': -5e-4,  # expect: WD302
    'batch_size': 32,
    'coord_scale': 1.,
    'noobj_scale': 1.,
    'priors': [[0.57273, 0.677385], [1.87446, 2.06253], [3.33843, 5.47434], [7.88282, 3.52778]],
}

if __name__ == '__main__':
    train_gen = voc_utils.get_generator(['./data/train_00000-of-00005.tfrecord'], config['batch_size'],
                                        buffer_size=20, image_preprocess_config=None)
    testnet = YOLOv2(config, {'num_train': 5011, 'train_generator': train_gen})
    lr = 0.001
    for i in range(160):
        mean_loss = testnet.train_one_epoch(lr)
        print('\n>> epoch', i, 'mean loss', mean_loss)
        if i in [60, 90]:
            lr = lr / 10.
