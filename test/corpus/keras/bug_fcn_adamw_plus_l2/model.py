# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter12-segmentation/model.py
# Idiom seen in: PacktPublishing/Advanced-Deep-Learning-with-Keras chapter12-segmentation/fcn-12.3.1.py
# What it reproduces: FCN head on the backbone's feature pyramid: conv + upsampling of each map,
#   concatenation and a pixel-wise softmax classifier.
from tensorflow.keras.layers import Activation, BatchNormalization, Concatenate, Conv2D, Conv2DTranspose, \
    Input, UpSampling2D
from tensorflow.keras.models import Model


def conv_layer(inputs, filters=32, kernel_size=3, strides=1):
    x = Conv2D(filters=filters, kernel_size=kernel_size, strides=strides, padding='same',
               kernel_initializer='he_normal')(inputs)
    x = BatchNormalization()(x)
    return Activation('relu')(x)


def build_fcn(input_shape, backbone, n_classes=4):
    inputs = Input(shape=input_shape)
    features = backbone(inputs)
    main_feature = features[0]
    features = features[1:]
    feature_size = 8
    size = 2
    for feature in features:
        postfix = "_" + str(feature_size)
        feature = conv_layer(feature, filters=256)
        feature = UpSampling2D(size=size, interpolation='bilinear', name="up" + postfix)(feature)
        size = size * 2
        feature_size = feature_size * 2
        main_feature = Concatenate()([main_feature, feature])
    x = conv_layer(main_feature, filters=256)
    x = Conv2DTranspose(filters=256, kernel_size=3, strides=2, padding='same',
                        kernel_initializer='he_normal')(x)
    x = Conv2DTranspose(filters=n_classes, kernel_size=1, strides=2, padding='same',
                        kernel_initializer='he_normal')(x)
    x = Activation('softmax', name='softmax')(x)
    return Model(inputs, x, name="fcn")
