# Idiom seen in: chris4540/DD2412-adl-proj net/wide_resnet.py
# What it reproduces: a functional pre-activation WRN whose convolutions and classifier take
#   kernel_regularizer=l2(weight_decay); the zero-shot student built from it is trained in a
#   GradientTape loop whose loss leaves student.losses out (see train_zeroshot.py).
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Dense, Activation, GlobalAveragePooling2D, Input, Conv2D, Add
from tensorflow.keras.layers import BatchNormalization
from tensorflow.keras.regularizers import l2


def _conv(x, filters, kernel_size, weight_decay, strides=(1, 1)):
    return Conv2D(filters, kernel_size, padding='same', strides=strides, use_bias=False,
                  kernel_initializer='he_normal',
                  kernel_regularizer=l2(weight_decay))(x)  # expect: WD103


def _block(x, filters, strides, weight_decay):
    init = x
    o = BatchNormalization(momentum=0.9, epsilon=1e-5)(x)
    o = Activation('relu')(o)
    if init.shape[-1] != filters or strides != (1, 1):
        init = _conv(o, filters, (1, 1), weight_decay, strides=strides)
    o = _conv(o, filters, (3, 3), weight_decay, strides=strides)
    o = BatchNormalization(momentum=0.9, epsilon=1e-5)(o)
    o = Activation('relu')(o)
    o = _conv(o, filters, (3, 3), weight_decay)
    return Add()([init, o])


def WideResidualNetwork(depth=16, width=1, input_shape=(32, 32, 3), classes=10,
                        has_softmax=False, output_activations=True, weight_decay=5e-4):
    if (depth - 4) % 6 != 0:
        raise ValueError('Depth of the network must be such that (depth - 4) should be divisible by 6.')
    N = (depth - 4) // 6
    img_input = Input(shape=input_shape)
    x = _conv(img_input, 16, (3, 3), weight_decay)
    acts = []
    for group, filters in enumerate([16 * width, 32 * width, 64 * width]):
        for i in range(N):
            strides = (2, 2) if (group > 0 and i == 0) else (1, 1)
            x = _block(x, filters, strides, weight_decay)
        acts.append(x)
    x = BatchNormalization(momentum=0.9, epsilon=1e-5)(x)
    x = Activation('relu')(x)
    x = GlobalAveragePooling2D()(x)
    logits = Dense(classes, kernel_regularizer=l2(weight_decay))(x)  # expect: WD103
    if has_softmax:
        logits = Activation('softmax')(logits)
    outputs = [logits] + acts if output_activations else logits
    return Model(img_input, outputs, name='wide-resnet')
