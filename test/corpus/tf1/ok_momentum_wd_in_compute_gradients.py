# Idiom seen in: gurudatta07/Utilities optimizers.py
# What it reproduces: a tf.train.MomentumOptimizer subclass that adds wd * v to each gradient in compute_gradients
#   (decay applied by the optimizer, no L2 term in the loss); this version skips 1-D variables (biases, BN
#   scales) and the model has no regularizers, so the decay is applied once, to the kernels only. Clean.
from typing import List, Tuple

import tensorflow as tf

from data import cifar10_batches  # input pipeline, not in this file


class SGD(tf.train.MomentumOptimizer):
    def __init__(self, lr, mom: float, wd: float):
        super().__init__(lr, momentum=mom, use_nesterov=True)
        self.wd = wd

    def compute_gradients(self, loss, var_list=None, **kwargs) -> List[Tuple[tf.Tensor, tf.Variable]]:
        grads_and_vars = super().compute_gradients(loss, var_list=var_list, **kwargs)
        for i, (g, v) in enumerate(grads_and_vars):
            if g is not None and len(v.shape) > 1:
                grads_and_vars[i] = (g + v * self.wd, v)
        return grads_and_vars


def conv_bn(x, filters, training, name):
    x = tf.layers.conv2d(x, filters, 3, padding='same', use_bias=False, name=name + '_conv')
    x = tf.layers.batch_normalization(x, training=training, name=name + '_bn')
    return tf.nn.relu(x)


def net(x, training):
    x = conv_bn(x, 64, training, 'prep')
    x = conv_bn(x, 128, training, 'layer1')
    x = tf.layers.max_pooling2d(x, 2, 2)
    x = conv_bn(x, 256, training, 'layer2')
    x = tf.layers.max_pooling2d(x, 2, 2)
    x = conv_bn(x, 512, training, 'layer3')
    x = tf.reduce_max(x, axis=[1, 2])
    return tf.layers.dense(x, 10, use_bias=False, name='classifier') * 0.125


def main(epochs=24, batch_size=512):
    images, labels = cifar10_batches(batch_size)
    training = tf.placeholder_with_default(True, ())
    logits = net(images, training)
    loss = tf.losses.sparse_softmax_cross_entropy(labels, logits)

    global_step = tf.train.get_or_create_global_step()
    lr = tf.train.piecewise_constant(global_step, [2000, 4000], [0.4, 0.04, 0.004])
    opt = SGD(lr, mom=0.9, wd=5e-4)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = opt.minimize(loss, global_step=global_step)

    with tf.train.MonitoredTrainingSession() as sess:
        while not sess.should_stop():
            _, l, step = sess.run([train_op, loss, global_step])
            if step % 100 == 0:
                print(step, l)


if __name__ == '__main__':
    main()
