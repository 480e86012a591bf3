# Idiom seen in: pierluigiferrari/ssd_keras models/keras_ssd7.py
# What it reproduces: the SSD7 builder that takes l2_regularization and passes
#   kernel_regularizer=l2(l2_reg) to every conv layer and predictor; the training script fits it (clean).
from keras.layers import (Activation, BatchNormalization, Concatenate, Conv2D, ELU, Input, Lambda,
                          MaxPooling2D, Reshape)
from keras.models import Model
from keras.regularizers import l2


def build_model(image_size, n_classes, l2_regularization=0.0, n_boxes=4):
    img_height, img_width, img_channels = image_size
    l2_reg = l2_regularization
    n_classes += 1

    x = Input(shape=(img_height, img_width, img_channels))
    x1 = Lambda(lambda z: z / 127.5 - 1.0, name='input_scaling')(x)

    def block(t, filters, name):
        t = Conv2D(filters, (3, 3), strides=(1, 1), padding='same', kernel_initializer='he_normal',
                   kernel_regularizer=l2(l2_reg), name=name)(t)
        t = BatchNormalization(axis=3, momentum=0.99, name='bn' + name[-1])(t)
        t = ELU(name='elu' + name[-1])(t)
        return MaxPooling2D(pool_size=(2, 2), name='pool' + name[-1])(t)

    conv1 = block(x1, 32, 'conv1')
    conv2 = block(conv1, 48, 'conv2')
    conv3 = block(conv2, 64, 'conv3')
    conv4 = block(conv3, 64, 'conv4')

    classes4 = Conv2D(n_boxes * n_classes, (3, 3), strides=(1, 1), padding='same',
                      kernel_initializer='he_normal', kernel_regularizer=l2(l2_reg), name='classes4')(conv4)
    boxes4 = Conv2D(n_boxes * 4, (3, 3), strides=(1, 1), padding='same',
                    kernel_initializer='he_normal', kernel_regularizer=l2(l2_reg), name='boxes4')(conv4)

    classes4_reshaped = Reshape((-1, n_classes), name='classes4_reshape')(classes4)
    boxes4_reshaped = Reshape((-1, 4), name='boxes4_reshape')(boxes4)
    classes_softmax = Activation('softmax', name='classes_softmax')(classes4_reshaped)
    predictions = Concatenate(axis=2, name='predictions')([classes_softmax, boxes4_reshaped])
    return Model(inputs=x, outputs=predictions)
