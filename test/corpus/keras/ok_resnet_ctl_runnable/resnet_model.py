# Idiom seen in: tensorflow/models official/vision/image_classification/resnet/resnet_runnable.py
#                (which builds resnet_model.resnet50(..., use_l2_regularizer=not single_l2_loss_op))
# What it reproduces: a ResNet whose layers take kernel_regularizer=_gen_l2_regularizer(flag);
# with use_l2_regularizer=False every regularizer is None. The runnable adds either
# tf.reduce_sum(model.losses) or an explicit l2 sum to the loss: wired in both modes.
import tensorflow as tf
from tensorflow.keras import layers

L2_WEIGHT_DECAY = 1e-4
BATCH_NORM_DECAY = 0.9
BATCH_NORM_EPSILON = 1e-5


def _gen_l2_regularizer(use_l2_regularizer=True):
    return tf.keras.regularizers.L2(L2_WEIGHT_DECAY) if use_l2_regularizer else None


def conv_bn(x, filters, kernel_size, strides, name, use_l2_regularizer=True, relu=True):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding='same', use_bias=False,
                      kernel_initializer='he_normal',
                      kernel_regularizer=_gen_l2_regularizer(use_l2_regularizer),
                      name=name + '_conv')(x)
    x = layers.BatchNormalization(momentum=BATCH_NORM_DECAY, epsilon=BATCH_NORM_EPSILON, name=name + '_bn')(x)
    return layers.Activation('relu')(x) if relu else x


def bottleneck_block(x, filters, strides, name, use_l2_regularizer=True):
    shortcut = conv_bn(x, 4 * filters, 1, strides, name + '_0', use_l2_regularizer, relu=False)
    x = conv_bn(x, filters, 1, 1, name + '_1', use_l2_regularizer)
    x = conv_bn(x, filters, 3, strides, name + '_2', use_l2_regularizer)
    x = conv_bn(x, 4 * filters, 1, 1, name + '_3', use_l2_regularizer, relu=False)
    return layers.Activation('relu')(layers.add([x, shortcut]))


def resnet50(num_classes, batch_size=None, use_l2_regularizer=True):
    img_input = layers.Input(shape=(224, 224, 3), batch_size=batch_size)
    x = conv_bn(img_input, 64, 7, 2, 'conv1', use_l2_regularizer)
    x = layers.MaxPooling2D(3, strides=2, padding='same')(x)
    for stage, (filters, blocks) in enumerate([(64, 3), (128, 4), (256, 6), (512, 3)]):
        for block in range(blocks):
            strides = 2 if block == 0 and stage > 0 else 1
            x = bottleneck_block(x, filters, strides, 'res%d_%d' % (stage + 2, block), use_l2_regularizer)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(num_classes,
                     kernel_regularizer=_gen_l2_regularizer(use_l2_regularizer),
                     bias_regularizer=_gen_l2_regularizer(use_l2_regularizer),
                     name='fc1000')(x)
    x = layers.Activation('softmax', dtype='float32')(x)
    return tf.keras.Model(img_input, x, name='resnet50')
