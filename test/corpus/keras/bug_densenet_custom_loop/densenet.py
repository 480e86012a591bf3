# Idiom seen in: ChibiMaruko2013210855/DenseNet-Keras-master densenet121.py
# What it reproduces: the repo's DenseNet builder with weight_decay threaded through every block; in this
# variant the user wires it into kernel_regularizer=l2(weight_decay) (tf.keras), and train_custom.py trains with a
# GradientTape loop whose loss leaves out model.losses (injected), so the regularizers never act.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.regularizers import l2

concat_axis = 3


def DenseNet(nb_dense_block=3, growth_rate=12, nb_filter=24, reduction=0.5, weight_decay=1e-4, classes=10):
    compression = 1.0 - reduction
    img_input = layers.Input(shape=(32, 32, 3), name='data')
    x = layers.Conv2D(nb_filter, (3, 3), padding='same', use_bias=False, name='conv1',
                      kernel_regularizer=l2(weight_decay))(img_input)  # expect: WD103
    for block_idx in range(nb_dense_block):
        stage = block_idx + 2
        x, nb_filter = dense_block(x, stage, 6, nb_filter, growth_rate, weight_decay=weight_decay)
        if block_idx < nb_dense_block - 1:
            x = transition_block(x, stage, nb_filter, compression, weight_decay=weight_decay)
            nb_filter = int(nb_filter * compression)
    x = layers.BatchNormalization(axis=concat_axis, name='final_bn')(x)
    x = layers.Activation('relu')(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(classes, name='fc6', kernel_regularizer=l2(weight_decay))(x)  # expect: WD103
    return tf.keras.Model(img_input, x, name='densenet')


def conv_block(x, stage, branch, nb_filter, weight_decay=1e-4):
    base = 'conv%d_%d' % (stage, branch)
    x = layers.BatchNormalization(axis=concat_axis, name=base + '_bn')(x)
    x = layers.Activation('relu')(x)
    return layers.Conv2D(nb_filter, (3, 3), padding='same', use_bias=False, name=base,
                         kernel_regularizer=l2(weight_decay))(x)  # expect: WD103


def transition_block(x, stage, nb_filter, compression=1.0, weight_decay=1e-4):
    base = 'conv%d_blk' % stage
    x = layers.BatchNormalization(axis=concat_axis, name=base + '_bn')(x)
    x = layers.Activation('relu')(x)
    x = layers.Conv2D(int(nb_filter * compression), (1, 1), padding='same', use_bias=False, name=base,
                      kernel_regularizer=l2(weight_decay))(x)  # expect: WD103
    return layers.AveragePooling2D((2, 2), strides=(2, 2), name='pool%d' % stage)(x)


def dense_block(x, stage, nb_layers, nb_filter, growth_rate, weight_decay=1e-4):
    concat_feat = x
    for i in range(nb_layers):
        x = conv_block(concat_feat, stage, i + 1, growth_rate, weight_decay)
        concat_feat = layers.concatenate([concat_feat, x], axis=concat_axis)
        nb_filter += growth_rate
    return concat_feat, nb_filter
