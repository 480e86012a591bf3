# Idiom seen in: ChibiMaruko2013210855/DenseNet-Keras-master densenet121.py
# Idiom seen in: ChibiMaruko2013210855/DenseNet-Keras-master cifar10.py
# What it reproduces: the repo's DenseNet-121 builder: weight_decay is threaded through DenseNet(), dense_block(),
# conv_block() and transition_block() but no layer ever gets a regularizer (lost in the Keras 2 port). There is no decay
# source at all, so nothing should be reported (the decay the user believes in does not exist; outside the rules).
from keras.models import Model
from keras.layers import Input, concatenate, ZeroPadding2D, Dense, Dropout, Activation
from keras.layers import Conv2D, AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D, BatchNormalization

concat_axis = 3


def DenseNet(nb_dense_block=4, growth_rate=32, nb_filter=64, reduction=0.0, dropout_rate=0.0,
             weight_decay=1e-4, classes=1000, weights_path=None):
    eps = 1.1e-5
    compression = 1.0 - reduction
    img_input = Input(shape=(32, 32, 3), name='data')
    nb_layers = [6, 12, 24, 16]

    x = ZeroPadding2D((3, 3), name='conv1_zeropadding')(img_input)
    x = Conv2D(nb_filter, (7, 7), strides=(2, 2), name='conv1', use_bias=False)(x)
    x = BatchNormalization(epsilon=eps, axis=concat_axis, name='conv1_bn')(x)
    x = Activation('relu', name='relu1')(x)
    x = MaxPooling2D((3, 3), strides=(2, 2), name='pool1')(x)

    for block_idx in range(nb_dense_block - 1):
        stage = block_idx + 2
        x, nb_filter = dense_block(x, stage, nb_layers[block_idx], nb_filter, growth_rate,
                                   dropout_rate=dropout_rate, weight_decay=weight_decay)
        x = transition_block(x, stage, nb_filter, compression=compression,
                             dropout_rate=dropout_rate, weight_decay=weight_decay)
        nb_filter = int(nb_filter * compression)

    final_stage = stage + 1
    x, nb_filter = dense_block(x, final_stage, nb_layers[-1], nb_filter, growth_rate,
                               dropout_rate=dropout_rate, weight_decay=weight_decay)
    x = BatchNormalization(epsilon=eps, axis=concat_axis, name='conv%d_blk_bn' % final_stage)(x)
    x = Activation('relu')(x)
    x = GlobalAveragePooling2D(name='pool%d' % final_stage)(x)
    x = Dense(classes, name='fc6')(x)
    x = Activation('softmax', name='prob')(x)
    model = Model(img_input, x, name='densenet')
    if weights_path is not None:
        model.load_weights(weights_path)
    return model


def conv_block(x, stage, branch, nb_filter, dropout_rate=None, weight_decay=1e-4):
    eps = 1.1e-5
    base = 'conv%d_%d' % (stage, branch)
    x = BatchNormalization(epsilon=eps, axis=concat_axis, name=base + '_x1_bn')(x)
    x = Conv2D(nb_filter * 4, (1, 1), activation='relu', padding='same', name=base + '_x1', use_bias=False)(x)
    if dropout_rate:
        x = Dropout(dropout_rate)(x)
    x = BatchNormalization(epsilon=eps, axis=concat_axis, name=base + '_x2_bn')(x)
    x = Conv2D(nb_filter, (3, 3), activation='relu', padding='same', name=base + '_x2', use_bias=False)(x)
    if dropout_rate:
        x = Dropout(dropout_rate)(x)
    return x


def transition_block(x, stage, nb_filter, compression=1.0, dropout_rate=None, weight_decay=1e-4):
    eps = 1.1e-5
    base = 'conv%d_blk' % stage
    x = BatchNormalization(epsilon=eps, axis=concat_axis, name=base + '_bn')(x)
    x = Conv2D(int(nb_filter * compression), (1, 1), activation='relu', padding='same', name=base,
               use_bias=False)(x)
    if dropout_rate:
        x = Dropout(dropout_rate)(x)
    return AveragePooling2D((2, 2), strides=(2, 2), name='pool%d' % stage)(x)


def dense_block(x, stage, nb_layers, nb_filter, growth_rate, dropout_rate=None, weight_decay=1e-4):
    concat_feat = x
    for i in range(nb_layers):
        x = conv_block(concat_feat, stage, i + 1, growth_rate, dropout_rate, weight_decay)
        concat_feat = concatenate([concat_feat, x], axis=concat_axis, name='concat_%d_%d' % (stage, i + 1))
        nb_filter += growth_rate
    return concat_feat, nb_filter
