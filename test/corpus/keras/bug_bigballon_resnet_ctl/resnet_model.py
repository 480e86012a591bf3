# Idiom seen in: BIGBALLON/cifar-10-cnn 4_Residual_Network/ResNet_keras.py
# Idiom seen in: BIGBALLON/cifar-10-cnn htd/ResNet.py
# What it reproduces: the pre-activation ResNet-32 for CIFAR with kernel_regularizer=l2(weight_decay) on
#   every Conv2D and the Dense head (the repository trains it with fit, which adds model.losses).
from tensorflow.keras import regularizers
from tensorflow.keras.layers import (Activation, BatchNormalization, Conv2D, Dense,
                                     GlobalAveragePooling2D, Input, add)
from tensorflow.keras.models import Model

weight_decay = 1e-4


def residual_network(img_input, classes_num=10, stack_n=5):

    def residual_block(x, o_filters, increase=False):
        stride = (2, 2) if increase else (1, 1)
        o1 = Activation('relu')(BatchNormalization(momentum=0.9, epsilon=1e-5)(x))
        conv_1 = Conv2D(o_filters, kernel_size=(3, 3), strides=stride, padding='same',
                        kernel_initializer='he_normal',
                        kernel_regularizer=regularizers.l2(weight_decay))(o1)  # expect: WD103
        o2 = Activation('relu')(BatchNormalization(momentum=0.9, epsilon=1e-5)(conv_1))
        conv_2 = Conv2D(o_filters, kernel_size=(3, 3), strides=(1, 1), padding='same',
                        kernel_initializer='he_normal',
                        kernel_regularizer=regularizers.l2(weight_decay))(o2)  # expect: WD103
        if increase:
            projection = Conv2D(o_filters, kernel_size=(1, 1), strides=(2, 2), padding='same',
                                kernel_initializer='he_normal',
                                kernel_regularizer=regularizers.l2(weight_decay))(o1)  # expect: WD103
            return add([conv_2, projection])
        return add([conv_2, x])

    x = Conv2D(filters=16, kernel_size=(3, 3), strides=(1, 1), padding='same',
               kernel_initializer='he_normal',
               kernel_regularizer=regularizers.l2(weight_decay))(img_input)  # expect: WD103
    for _ in range(stack_n):
        x = residual_block(x, 16, False)
    x = residual_block(x, 32, True)
    for _ in range(1, stack_n):
        x = residual_block(x, 32, False)
    x = residual_block(x, 64, True)
    for _ in range(1, stack_n):
        x = residual_block(x, 64, False)
    x = BatchNormalization(momentum=0.9, epsilon=1e-5)(x)
    x = Activation('relu')(x)
    x = GlobalAveragePooling2D()(x)
    x = Dense(classes_num, kernel_initializer='he_normal',
              kernel_regularizer=regularizers.l2(weight_decay))(x)  # expect: WD103
    return x


def build_resnet(stack_n=5, classes_num=10):
    img_input = Input(shape=(32, 32, 3))
    output = residual_network(img_input, classes_num, stack_n)
    return Model(img_input, output)
