# Idiom seen in: moono/moco-tf2.x moco.py
# Idiom seen in: moono/moco-tf2.x base_networks/resnet50.py
# What it reproduces: MoCo under a MirroredStrategy: two encoders with kernel/bias l2 regularizers; the
#   query encoder is trained in a strategy.run step whose loss adds
#   tf.nn.scale_regularization_loss(encoder_q.losses); the key encoder is only momentum-updated: clean.
import tensorflow as tf
from tensorflow.keras import layers, models
from tensorflow.keras.regularizers import l2

BN_MOMENTUM = 0.9
BN_EPS = 1e-5
CONV_KERNEL_INIT = tf.keras.initializers.VarianceScaling(scale=2.0, mode='fan_out')


class Block(models.Model):
    def __init__(self, filters, stride, w_decay, name, **kwargs):
        super(Block, self).__init__(name=name, **kwargs)
        reg = l2(w_decay)
        self.conv_1 = layers.Conv2D(filters, 3, strides=stride, padding='same', use_bias=False,
                                    kernel_initializer=CONV_KERNEL_INIT, kernel_regularizer=reg)
        self.bn_1 = layers.BatchNormalization(momentum=BN_MOMENTUM, epsilon=BN_EPS)
        self.conv_2 = layers.Conv2D(filters, 3, padding='same', use_bias=False,
                                    kernel_initializer=CONV_KERNEL_INIT, kernel_regularizer=reg)
        self.bn_2 = layers.BatchNormalization(momentum=BN_MOMENTUM, epsilon=BN_EPS)
        self.short = layers.Conv2D(filters, 1, strides=stride, use_bias=False,
                                   kernel_initializer=CONV_KERNEL_INIT, kernel_regularizer=reg)

    def call(self, inputs, training=None, mask=None):
        out = tf.nn.relu(self.bn_1(self.conv_1(inputs), training=training))
        out = self.bn_2(self.conv_2(out), training=training)
        return tf.nn.relu(out + self.short(inputs))


class Encoder(models.Model):
    def __init__(self, params, name, **kwargs):
        super(Encoder, self).__init__(name=name, **kwargs)
        w_decay = params['w_decay']
        reg = l2(w_decay)
        self.conv1 = layers.Conv2D(64, 7, strides=2, padding='same', use_bias=False,
                                   kernel_initializer=CONV_KERNEL_INIT, kernel_regularizer=reg)
        self.bn1 = layers.BatchNormalization(momentum=BN_MOMENTUM, epsilon=BN_EPS)
        self.blocks = [Block(f, s, w_decay, name='layer%d' % i)
                       for i, (f, s) in enumerate([(64, 1), (128, 2), (256, 2), (512, 2)])]
        self.avg_pool = layers.GlobalAveragePooling2D()
        self.mlp = layers.Dense(2048, activation='relu', kernel_regularizer=reg, bias_regularizer=reg)
        self.last_dense = layers.Dense(params['dim'], kernel_regularizer=reg, bias_regularizer=reg)

    @tf.function
    def momentum_update(self, src_net, m):
        for qw, kw in zip(src_net.weights, self.weights):
            if 'moving' in qw.name:
                continue
            kw.assign(kw * m + qw * (1.0 - m))

    def call(self, inputs, training=None, mask=None):
        x = tf.nn.relu(self.bn1(self.conv1(inputs), training=training))
        for block in self.blocks:
            x = block(x, training=training)
        return self.last_dense(self.mlp(self.avg_pool(x)))
