# Idiom seen in: ZeroSum0x00/YOLO-tensorflow2 models/architectures/darknet53.py
# What it reproduces: custom Keras layers that create their Conv2D in build() with
#   kernel_regularizer=l2(self.regularizer_decay) (5e-4), and a YOLOv3 architecture model built from them.
import tensorflow as tf
from tensorflow.keras.initializers import RandomNormal
from tensorflow.keras.layers import BatchNormalization, Conv2D, LeakyReLU, UpSampling2D, ZeroPadding2D, add
from tensorflow.keras.regularizers import l2


class ConvolutionBlock(tf.keras.layers.Layer):
    def __init__(self, filters, kernel_size=3, downsample=False, regularizer_decay=5e-4, **kwargs):
        super(ConvolutionBlock, self).__init__(**kwargs)
        self.filters = filters
        self.kernel_size = kernel_size
        self.downsample = downsample
        self.regularizer_decay = regularizer_decay
        self.padding = 'valid' if downsample else 'same'
        self.strides = 2 if downsample else 1

    def build(self, input_shape):
        self.padding_layer = ZeroPadding2D(padding=((1, 0), (1, 0))) if self.downsample else None
        self.conv = Conv2D(filters=self.filters, kernel_size=self.kernel_size, strides=self.strides,
                           padding=self.padding, use_bias=False,
                           kernel_initializer=RandomNormal(stddev=0.02),
                           kernel_regularizer=l2(self.regularizer_decay))
        self.norm = BatchNormalization()
        self.act = LeakyReLU(alpha=0.1)

    def call(self, inputs, training=False):
        if self.downsample:
            inputs = self.padding_layer(inputs)
        return self.act(self.norm(self.conv(inputs), training=training))


class ResidualBlock(tf.keras.layers.Layer):
    def __init__(self, num_filters, **kwargs):
        super(ResidualBlock, self).__init__(**kwargs)
        self.num_filters = num_filters

    def build(self, input_shape):
        self.conv1 = ConvolutionBlock(self.num_filters[0], 1)
        self.conv2 = ConvolutionBlock(self.num_filters[1], 3)

    def call(self, inputs, training=False):
        return add([inputs, self.conv2(self.conv1(inputs, training=training), training=training)])


class YOLOv3(tf.keras.Model):
    def __init__(self, num_classes, anchors, anchor_masks, **kwargs):
        super(YOLOv3, self).__init__(**kwargs)
        self.num_classes = num_classes
        self.anchors = anchors
        self.anchor_masks = anchor_masks
        self.stem = ConvolutionBlock(32, 3)
        self.stages = []
        for filters, repeats in [(64, 1), (128, 2), (256, 8), (512, 8), (1024, 4)]:
            blocks = [ConvolutionBlock(filters, 3, downsample=True)]
            blocks += [ResidualBlock([filters // 2, filters]) for _ in range(repeats)]
            self.stages.append(blocks)
        self.heads = [ConvolutionBlock(3 * (num_classes + 5), 1, name='yolo_head_%d' % i) for i in range(3)]
        self.lateral = [ConvolutionBlock(256, 1), ConvolutionBlock(128, 1)]
        self.upsample = UpSampling2D(2)

    def call(self, inputs, training=False):
        x = self.stem(inputs, training=training)
        routes = []
        for blocks in self.stages:
            for block in blocks:
                x = block(x, training=training)
            routes.append(x)
        p5 = self.heads[0](routes[-1], training=training)
        x4 = tf.concat([self.upsample(self.lateral[0](routes[-1], training=training)), routes[-2]], -1)
        p4 = self.heads[1](x4, training=training)
        x3 = tf.concat([self.upsample(self.lateral[1](x4, training=training)), routes[-3]], -1)
        p3 = self.heads[2](x3, training=training)
        return [p5, p4, p3]

    def calc_loss(self, y_true, y_pred, loss_object):
        return sum(loss_object(y_true[i], y_pred[i]) for i in range(len(y_pred)))
