# Idiom seen in: cl886699/efficientdet nets/efficientdet.py
# Idiom seen in: cl886699/efficientdet train_dis.py
# What it reproduces: EfficientDet class/box heads built from SeparableConv2D layers with depthwise/pointwise l2
#   regularizers on an EfficientNet backbone; train_dis.py adds scale_regularization_loss(add_n(model.losses)) to
#   the per-replica loss under MirroredStrategy. Clean.
import tensorflow as tf
from tensorflow.keras import layers, regularizers

WEIGHT_DECAY = 4e-5


def sep_conv(filters, name):
    return layers.SeparableConv2D(filters, 3, padding='same', name=name,
                                  depthwise_regularizer=regularizers.l2(WEIGHT_DECAY),
                                  pointwise_regularizer=regularizers.l2(WEIGHT_DECAY))


def head(features, width, depth, out_per_anchor, num_anchors, name):
    outputs = []
    convs = [sep_conv(width, '%s_conv%d' % (name, i)) for i in range(depth)]
    final = sep_conv(out_per_anchor * num_anchors, '%s_out' % name)
    for level, feature in enumerate(features):
        x = feature
        for i in range(depth):
            x = convs[i](x)
            x = layers.BatchNormalization(name='%s_bn%d_p%d' % (name, i, level + 3))(x)
            x = layers.Activation(tf.nn.swish)(x)
        x = final(x)
        outputs.append(layers.Reshape((-1, out_per_anchor))(x))
    return layers.Concatenate(axis=1, name=name)(outputs)


def Efficientdet(phi, num_classes=20, num_anchors=9):
    widths, depths, sizes = [64, 88, 112, 160], [3, 3, 3, 4], [512, 640, 768, 896]
    inputs = layers.Input((sizes[phi], sizes[phi], 3))
    backbone = tf.keras.applications.EfficientNetB0(include_top=False, input_tensor=inputs, weights='imagenet')
    c3 = backbone.get_layer('block3b_add').output
    c4 = backbone.get_layer('block5c_add').output
    c5 = backbone.get_layer('top_activation').output
    features = [layers.Conv2D(widths[phi], 1, padding='same', kernel_regularizer=regularizers.l2(WEIGHT_DECAY),
                              name='lateral_p%d' % (i + 3))(c) for i, c in enumerate([c3, c4, c5])]
    regression = head(features, widths[phi], depths[phi], 4, num_anchors, 'regression')
    classification = layers.Activation('sigmoid', name='classification')(
        head(features, widths[phi], depths[phi], num_classes, num_anchors, 'class_logits'))
    return tf.keras.Model(inputs, [regression, classification], name='efficientdet_d%d' % phi)
