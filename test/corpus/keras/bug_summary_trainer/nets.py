# Idiom seen in: repository not resolved by the code index (index file id 6187307: small subclassed
# tf.keras.Model blocks Conv11 / ConvBN used by a hand-written `class train`); the kernel_regularizer follows
# p3achyjr/p3achygo python/model.py (regularizer passed into the conv constructor)
# What it reproduces: the network side: ConvBN blocks whose Conv2D carries l2(weight_decay); the decay only
# acts if the trainer adds model.losses to what it differentiates (it does not, see trainer.py).
# Label note: WD103 is reported on the regularized layers (docs/rules/WD103.md); the batch instructions named the loss line, so the label was moved there, not to match a run.
import tensorflow as tf


class ConvBN(tf.keras.Model):
    def __init__(self, c_out, weight_decay, k=(3, 3), s=(1, 1)):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(filters=c_out, kernel_size=k, strides=s, padding="same",
                                           use_bias=False,
                                           kernel_regularizer=tf.keras.regularizers.l2(weight_decay))  # expect: WD103
        self.bn = tf.keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5)

    def call(self, inputs, training=False):
        return tf.nn.relu(self.bn(self.conv(inputs), training=training))


class DavidNet(tf.keras.Model):
    """The fast CIFAR-10 ResNet-9 ("DavidNet")."""

    def __init__(self, weight_decay=5e-4, c=64, num_classes=10):
        super().__init__()
        self.prep = ConvBN(c, weight_decay)
        self.layer1 = ConvBN(c * 2, weight_decay)
        self.res1 = [ConvBN(c * 2, weight_decay), ConvBN(c * 2, weight_decay)]
        self.layer2 = ConvBN(c * 4, weight_decay)
        self.layer3 = ConvBN(c * 8, weight_decay)
        self.res3 = [ConvBN(c * 8, weight_decay), ConvBN(c * 8, weight_decay)]
        self.pool = tf.keras.layers.MaxPool2D()
        self.gmp = tf.keras.layers.GlobalMaxPool2D()
        self.linear = tf.keras.layers.Dense(num_classes, use_bias=False)

    def call(self, x, training=False):
        h = self.prep(x, training=training)
        h = self.pool(self.layer1(h, training=training))
        r = h
        for blk in self.res1:
            r = blk(r, training=training)
        h = h + r
        h = self.pool(self.layer2(h, training=training))
        h = self.pool(self.layer3(h, training=training))
        r = h
        for blk in self.res3:
            r = blk(r, training=training)
        h = self.gmp(h + r)
        return tf.nn.softmax(self.linear(h) * 0.125)
