# Idiom seen in: peteryuX/retinaface-tf2 modules/models.py (_regularizer(weights_decay), ConvUnit layer with kernel_regularizer=_regularizer(wd), FPN / SSH sub-layers, RetinaFaceModel(cfg))
# What it reproduces: a functional face detector assembled from custom Layer subclasses whose inner Conv2D carry an L2
#   kernel regularizer built from cfg['weights_decay']; the heads are unregularized. Its losses reach train.py. Clean.
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.applications import MobileNetV2
from tensorflow.keras.layers import BatchNormalization, Conv2D, Input, LeakyReLU, ReLU


def _regularizer(weights_decay):
    """l2 regularizer"""
    return tf.keras.regularizers.l2(weights_decay)


class ConvUnit(tf.keras.layers.Layer):
    """Conv + BN + Act"""
    def __init__(self, f, k, s, wd, act=None, name='ConvBN', **kwargs):
        super(ConvUnit, self).__init__(name=name, **kwargs)
        self.conv = Conv2D(filters=f, kernel_size=k, strides=s, padding='same',
                           kernel_initializer=tf.keras.initializers.he_normal(),
                           kernel_regularizer=_regularizer(wd),
                           use_bias=False, name='conv')
        self.bn = BatchNormalization(name='bn')
        self.act_fn = {None: tf.identity, 'relu': ReLU(), 'lrelu': LeakyReLU(0.1)}[act]

    def call(self, x):
        return self.act_fn(self.bn(self.conv(x)))


class FPN(tf.keras.layers.Layer):
    """Feature Pyramid Network"""
    def __init__(self, out_ch, wd, name='FPN', **kwargs):
        super(FPN, self).__init__(name=name, **kwargs)
        act = 'lrelu' if out_ch <= 64 else 'relu'
        self.lateral = [ConvUnit(f=out_ch, k=1, s=1, wd=wd, act=act, name='out%d' % i) for i in range(3)]
        self.merge1 = ConvUnit(f=out_ch, k=3, s=1, wd=wd, act=act, name='merge1')
        self.merge2 = ConvUnit(f=out_ch, k=3, s=1, wd=wd, act=act, name='merge2')

    def call(self, x):
        output1, output2, output3 = [conv(f) for conv, f in zip(self.lateral, x)]
        output2 = self.merge2(output2 + tf.image.resize(output3, tf.shape(output2)[1:3], method='nearest'))
        output1 = self.merge1(output1 + tf.image.resize(output2, tf.shape(output1)[1:3], method='nearest'))
        return output1, output2, output3


class Head(tf.keras.layers.Layer):
    """Bbox / landmark / class head: a bare 1x1 conv, no regularizer"""
    def __init__(self, num_anchor, depth, name='Head', **kwargs):
        super(Head, self).__init__(name=name, **kwargs)
        self.num_anchor, self.depth = num_anchor, depth
        self.conv = Conv2D(filters=num_anchor * depth, kernel_size=1, strides=1)

    def call(self, x):
        h, w = tf.shape(x)[1], tf.shape(x)[2]
        return tf.reshape(self.conv(x), [-1, h * w * self.num_anchor, self.depth])


def RetinaFaceModel(cfg, training=False, name='RetinaFaceModel'):
    input_size = cfg['input_size'] if training else None
    wd = cfg['weights_decay']
    out_ch = cfg['out_channel']
    num_anchor = len(cfg['min_sizes'][0])

    x = inputs = Input([input_size, input_size, 3], name='input_image')
    extractor = MobileNetV2(input_shape=x.shape[1:], include_top=False, weights='imagenet')
    backbone = Model(extractor.input, (extractor.layers[54].output, extractor.layers[116].output,
                                       extractor.layers[143].output), name='MobileNetV2_extrator')
    fpn = FPN(out_ch=out_ch, wd=wd)(backbone(tf.keras.applications.mobilenet_v2.preprocess_input(x)))

    bbox_regressions = tf.concat([Head(num_anchor, 4, name=f'BboxHead_{i}')(f) for i, f in enumerate(fpn)], axis=1)
    landm_regressions = tf.concat([Head(num_anchor, 10, name=f'LandmarkHead_{i}')(f) for i, f in enumerate(fpn)], axis=1)
    classifications = tf.concat([Head(num_anchor, 2, name=f'ClassHead_{i}')(f) for i, f in enumerate(fpn)], axis=1)
    classifications = tf.keras.layers.Softmax(axis=-1)(classifications)
    return Model(inputs, (bbox_regressions, landm_regressions, classifications), name=name)
