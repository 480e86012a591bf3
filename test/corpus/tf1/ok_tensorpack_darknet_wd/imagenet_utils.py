# Idiom seen in: ksellesk/darknet53-tensorpack imagenet_utils.py
# What it reproduces: ImageNetModel.build_graph returns tf.add_n([loss, wd_loss]) as the cost; tensorpack's
# trainer minimizes what build_graph returns, with the optimizer() below. Clean.
import tensorflow as tf
from abc import abstractmethod

from tensorpack import ModelDesc
from tensorpack.models import regularize_cost
from tensorpack.tfutils.summary import add_moving_summary


class ImageNetModel(ModelDesc):
    image_shape = 224
    weight_decay = 1e-4
    weight_decay_pattern = '.*/W|.*/kernel'

    def inputs(self):
        return [tf.placeholder(tf.uint8, [None, self.image_shape, self.image_shape, 3], 'input'),
                tf.placeholder(tf.int32, [None], 'label')]

    def build_graph(self, image, label):
        image = tf.cast(image, tf.float32) / 255.0
        logits = self.get_logits(image)
        loss = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=label),
            name='xentropy-loss')
        if self.weight_decay > 0:
            wd_loss = regularize_cost(self.weight_decay_pattern,
                                      tf.contrib.layers.l2_regularizer(self.weight_decay),
                                      name='l2_regularize_loss')
            add_moving_summary(loss, wd_loss)
            total_cost = tf.add_n([loss, wd_loss], name='cost')
        else:
            total_cost = tf.identity(loss, name='cost')
            add_moving_summary(total_cost)
        return total_cost

    @abstractmethod
    def get_logits(self, image):
        pass

    def optimizer(self):
        lr = tf.get_variable('learning_rate', initializer=0.1, trainable=False)
        tf.summary.scalar('learning_rate-summary', lr)
        return tf.train.MomentumOptimizer(lr, 0.9, use_nesterov=True)
