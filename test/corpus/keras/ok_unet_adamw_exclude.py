# Idiom seen in: Max1993Liu/tensorflow2-models CV/unet/unet.py
# What it reproduces: a functional U-Net built from downsample/upsample block helpers for medical-image segmentation,
#   trained with fit and keras AdamW whose decay excludes biases and BatchNorm gamma/beta; no layer regularizers. Clean.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

from isic_data import get_loader


def downsample_block(x, filters, max_pooling=True, dropout=False):
    x = layers.Conv2D(filters, 3, padding='same', use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation('relu')(x)
    x = layers.Conv2D(filters, 3, padding='same', use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    skip = layers.Activation('relu')(x)
    if dropout:
        skip = layers.Dropout(0.3)(skip)
    return (layers.MaxPooling2D(2)(skip), skip) if max_pooling else (skip, skip)


def upsample_block(x, skip, filters):
    x = layers.Conv2DTranspose(filters, 3, strides=2, padding='same')(x)
    x = layers.Concatenate()([x, skip])
    x = layers.Conv2D(filters, 3, padding='same', activation='relu')(x)
    return layers.Conv2D(filters, 3, padding='same', activation='relu')(x)


def build_unet(input_shape=(256, 256, 3), n_classes=1, base=32):
    inputs = keras.Input(input_shape)
    x, s1 = downsample_block(inputs, base)
    x, s2 = downsample_block(x, base * 2)
    x, s3 = downsample_block(x, base * 4, dropout=True)
    x, _ = downsample_block(x, base * 8, max_pooling=False, dropout=True)
    x = upsample_block(x, s3, base * 4)
    x = upsample_block(x, s2, base * 2)
    x = upsample_block(x, s1, base)
    outputs = layers.Conv2D(n_classes, 1, activation='sigmoid')(x)
    return keras.Model(inputs, outputs, name='unet')


if __name__ == '__main__':
    train_ds, val_ds = get_loader('data/isic2018', batch_size=8)
    model = build_unet()
    optimizer = keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4)
    optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta'])
    model.compile(optimizer=optimizer, loss='binary_crossentropy',
                  metrics=[keras.metrics.BinaryIoU(target_class_ids=[1])])
    model.fit(train_ds, validation_data=val_ds, epochs=40)
