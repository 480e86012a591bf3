# Idiom seen in: cksruf91/Glaucoma_master models/xception.py
# Idiom seen in: cksruf91/Glaucoma_master train.py
# What it reproduces: the repo's Xception builder class for fundus glaucoma screening, every conv carrying
#   l2(self.l2); train.py swaps the repo's RAdam(weight_decay=0.0) for Keras AdamW(weight_decay=1e-4) and keeps
#   these regularizers, so the kernels are decayed twice (a realistic mistake).
import tensorflow as tf
from tensorflow import keras


class Xception():
    def __init__(self):
        self.l2 = 1e-4

    def conv_block(self, x, f, k, s, pad, acti=True, batch=True):
        x = keras.layers.Conv2D(filters=f, kernel_size=k, strides=s, padding=pad, activation='linear',
                                kernel_regularizer=keras.regularizers.l2(self.l2),  # expect: WD201
                                kernel_initializer='he_normal')(x)
        if batch:
            x = keras.layers.BatchNormalization(axis=-1)(x)
        if acti:
            x = keras.layers.Activation('relu')(x)
        return x

    def separable_conv_block(self, x, f, k, s, pad, acti=True, batch=True):
        if acti:
            x = keras.layers.Activation('relu')(x)
        x = keras.layers.SeparableConv2D(filters=f, kernel_size=k, strides=s, padding=pad, activation='linear',
                                         depthwise_regularizer=keras.regularizers.l2(self.l2),  # expect: WD201
                                         pointwise_regularizer=keras.regularizers.l2(self.l2),  # expect: WD201
                                         depthwise_initializer='he_normal', pointwise_initializer='he_normal')(x)
        if batch:
            x = keras.layers.BatchNormalization(axis=-1)(x)
        return x

    def pooling(self, x, pool, stride, pad='valid', types="MAX"):
        if types == "MAX":
            return keras.layers.MaxPooling2D(pool_size=pool, strides=stride, padding=pad)(x)
        return keras.layers.AveragePooling2D(pool_size=pool, strides=stride, padding=pad)(x)

    def entry_block(self, x, filters):
        x1 = self.conv_block(x, filters, (1, 1), (2, 2), 'valid', acti=False, batch=True)
        x2 = self.separable_conv_block(x, filters, (3, 3), (1, 1), 'same', acti=True, batch=True)
        x2 = self.separable_conv_block(x2, filters, (3, 3), (1, 1), 'same', acti=True, batch=True)
        x2 = self.pooling(x2, (3, 3), (2, 2), pad='same', types="MAX")
        return keras.layers.Add()([x1, x2])

    def build(self, input_shape=(299, 299, 3)):
        inputs = keras.layers.Input(input_shape)
        x = self.conv_block(inputs, 32, (3, 3), (2, 2), 'valid')
        x = self.conv_block(x, 64, (3, 3), (1, 1), 'valid')
        for filters in (128, 256, 728):
            x = self.entry_block(x, filters)
        for _ in range(4):
            residual = x
            for _ in range(3):
                x = self.separable_conv_block(x, 728, (3, 3), (1, 1), 'same')
            x = keras.layers.Add()([residual, x])
        x = self.separable_conv_block(x, 1024, (3, 3), (1, 1), 'same')
        x = keras.layers.GlobalAveragePooling2D()(x)
        outputs = keras.layers.Dense(1, activation='sigmoid')(x)
        return keras.models.Model(inputs, outputs)
