# Idiom seen in: google-research/simclr tf2/model.py
# What it reproduces: no Keras regularizers at all; weight decay is an explicit
# FLAGS.weight_decay * sum(tf.nn.l2_loss(v)) over non-BN weights, returned by add_weight_decay and
# added to the loss in run.py. With LARS the optimizer decays the body and only the supervised head
# is penalized here (the two never overlap): correctly wired.
from absl import flags
import tensorflow.compat.v2 as tf

import lars_optimizer
import resnet

FLAGS = flags.FLAGS


def build_optimizer(learning_rate):
    if FLAGS.optimizer == 'momentum':
        return tf.keras.optimizers.SGD(learning_rate, FLAGS.momentum, nesterov=True)
    elif FLAGS.optimizer == 'adam':
        return tf.keras.optimizers.Adam(learning_rate)
    elif FLAGS.optimizer == 'lars':
        return lars_optimizer.LARSOptimizer(
            learning_rate,
            momentum=FLAGS.momentum,
            weight_decay=FLAGS.weight_decay,
            exclude_from_weight_decay=['batch_normalization', 'bias', 'head_supervised'])
    raise ValueError('Unknown optimizer {}'.format(FLAGS.optimizer))


def add_weight_decay(model, adjust_per_optimizer=True):
    """Compute weight decay from flags."""
    if adjust_per_optimizer and 'lars' in FLAGS.optimizer:
        # LARS decays everything else; only the supervised head is penalized here.
        l2_losses = [tf.nn.l2_loss(v) for v in model.trainable_variables
                     if 'head_supervised' in v.name and 'bias' not in v.name]
        if l2_losses:
            return FLAGS.weight_decay * tf.add_n(l2_losses)
        return 0
    l2_losses = [tf.nn.l2_loss(v) for v in model.trainable_weights
                 if 'batch_normalization' not in v.name]
    loss = FLAGS.weight_decay * tf.add_n(l2_losses)
    return loss


class SupervisedHead(tf.keras.layers.Layer):

    def __init__(self, num_classes, name='head_supervised', **kwargs):
        super(SupervisedHead, self).__init__(name=name, **kwargs)
        self.dense = tf.keras.layers.Dense(
            num_classes, kernel_initializer=tf.keras.initializers.RandomNormal(stddev=0.01))

    def call(self, inputs, training):
        return tf.identity(self.dense(inputs), name='logits_sup')


class Model(tf.keras.models.Model):
    """Resnet body with a supervised head."""

    def __init__(self, num_classes, **kwargs):
        super(Model, self).__init__(**kwargs)
        self.resnet_model = resnet.resnet(resnet_depth=FLAGS.resnet_depth,
                                          width_multiplier=FLAGS.width_multiplier,
                                          cifar_stem=FLAGS.image_size <= 32)
        self.supervised_head = SupervisedHead(num_classes)

    def __call__(self, inputs, training):
        hiddens = self.resnet_model(inputs, training=training)
        return self.supervised_head(hiddens, training)
