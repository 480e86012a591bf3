# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/resnet.py
# What it reproduces: the Keras ResNet56 for CIFAR-10 (tf official resnet_cifar) with L2 kernel and bias
# regularizers on every conv and the classifier; train_ctl.py adds the scaled model.losses to the
# per-replica loss of its MirroredStrategy custom loop (clean).
import tensorflow as tf

BATCH_NORM_DECAY = 0.997
BATCH_NORM_EPSILON = 1e-5
L2_WEIGHT_DECAY = 2e-4


def _conv(filters, kernel_size, strides=(1, 1), name=None):
    return tf.keras.layers.Conv2D(
        filters, kernel_size,
        strides=strides,
        padding='same',
        kernel_initializer='he_normal',
        kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY),
        bias_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY),
        name=name)


def _bn(name):
    return tf.keras.layers.BatchNormalization(axis=3, momentum=BATCH_NORM_DECAY,
                                              epsilon=BATCH_NORM_EPSILON, name=name)


def identity_building_block(input_tensor, kernel_size, filters, stage, block):
    conv_name_base = 'res' + str(stage) + block + '_branch'
    bn_name_base = 'bn' + str(stage) + block + '_branch'
    x = _conv(filters, kernel_size, name=conv_name_base + '2a')(input_tensor)
    x = tf.keras.layers.Activation('relu')(_bn(bn_name_base + '2a')(x))
    x = _conv(filters, kernel_size, name=conv_name_base + '2b')(x)
    x = _bn(bn_name_base + '2b')(x)
    x = tf.keras.layers.add([x, input_tensor])
    return tf.keras.layers.Activation('relu')(x)


def conv_building_block(input_tensor, kernel_size, filters, stage, block, strides=(2, 2)):
    conv_name_base = 'res' + str(stage) + block + '_branch'
    bn_name_base = 'bn' + str(stage) + block + '_branch'
    x = _conv(filters, kernel_size, strides=strides, name=conv_name_base + '2a')(input_tensor)
    x = tf.keras.layers.Activation('relu')(_bn(bn_name_base + '2a')(x))
    x = _conv(filters, kernel_size, name=conv_name_base + '2b')(x)
    x = _bn(bn_name_base + '2b')(x)
    shortcut = _conv(filters, (1, 1), strides=strides, name=conv_name_base + '1')(input_tensor)
    shortcut = _bn(bn_name_base + '1')(shortcut)
    x = tf.keras.layers.add([x, shortcut])
    return tf.keras.layers.Activation('relu')(x)


def resnet_block(input_tensor, size, kernel_size, filters, stage, conv_strides=(2, 2)):
    x = conv_building_block(input_tensor, kernel_size, filters, stage=stage, strides=conv_strides, block='block_0')
    for i in range(size - 1):
        x = identity_building_block(x, kernel_size, filters, stage=stage, block='block_%d' % (i + 1))
    return x


def resnet(num_blocks, img_input=None, classes=10):
    x = tf.keras.layers.ZeroPadding2D(padding=(1, 1))(img_input)
    x = _conv(16, (3, 3), name='conv1')(x)
    x = tf.keras.layers.Activation('relu')(_bn('bn_conv1')(x))
    x = resnet_block(x, size=num_blocks, kernel_size=3, filters=16, stage=2, conv_strides=(1, 1))
    x = resnet_block(x, size=num_blocks, kernel_size=3, filters=32, stage=3)
    x = resnet_block(x, size=num_blocks, kernel_size=3, filters=64, stage=4)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dense(classes, activation='softmax',
                              kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY),
                              bias_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY),
                              name='fc10')(x)
    return tf.keras.models.Model(img_input, x, name='resnet%d' % (num_blocks * 6 + 2))


def resnet56(img_input, classes=10):
    return resnet(9, img_input=img_input, classes=classes)
