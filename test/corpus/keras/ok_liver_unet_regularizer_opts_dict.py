# Idiom seen in: repository not resolved by the code index (index file id 20318678028: "Standard U-NET Model of 2D
#   liver segmentation", adapted from zhixuhao/unet, make_keras_unet_model(..., optimizer_decay=1e-6))
# What it reproduces: a model factory that keeps the regularizers in one dict, regularizer_opts =
#   dict(kernel_regularizer=l2(1e-4)) with the bias/activity regularizers commented out, and splats it into
#   every Conv2D with **regularizer_opts; the model is compiled inside the factory with Keras 2
#   Adam(lr=lr, decay=optimizer_decay) and a cross-entropy + soft-dice loss, and trained with fit_generator.
# label-note: clean. The kernel l2 terms reach the loss through compile()+fit(); biases are not regularized; Keras 2
#   `decay=` is the inverse-time learning-rate decay, not weight decay, and Adam has no weight_decay here.
import keras
import keras.backend as K
import tensorflow as tf
from keras.callbacks import ModelCheckpoint
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, concatenate
from keras.models import Model
from keras.optimizers import Adam

from liver_slices import SliceSequence  # LiTS slice generator (not part of this program)


def dice2_loss(labels, probs, axis=(1, 2), smooth=1e-5):
    inter = tf.reduce_sum(labels * probs, axis=axis)
    d2 = (2. * inter + smooth) / (tf.reduce_sum(K.square(labels), axis=axis)
                                  + tf.reduce_sum(K.square(probs), axis=axis) + smooth)
    return 1 - d2


def loss_sseg(labels, probs, fg_idx_start=1):
    xe = tf.reduce_mean(K.categorical_crossentropy(labels, probs), axis=(1, 2))
    d2 = tf.reduce_mean(dice2_loss(labels[..., fg_idx_start:], probs[..., fg_idx_start:]), axis=1)
    return xe + d2


def make_keras_unet_model(pretrained_weights=None, input_size=(256, 256, 1), num_classes=3, lr=1e-5,
                          activation='relu', optimizer_decay=1e-6):
    regularizer_opts = dict(
        kernel_regularizer=keras.regularizers.l2(1e-4),
        #    bias_regularizer=keras.regularizers.l2(1e-4),
        #    activity_regularizer=keras.regularizers.l2(1e-4),
    )

    def double_conv(x, filters):
        x = Conv2D(filters, 3, activation=activation, padding='same', kernel_initializer='he_normal',
                   **regularizer_opts)(x)
        return Conv2D(filters, 3, activation=activation, padding='same', kernel_initializer='he_normal',
                      **regularizer_opts)(x)

    inputs = Input(input_size)
    skips, x = [], inputs
    for filters in (64, 128, 256, 512):
        x = double_conv(x, filters)
        skips.append(x)
        x = MaxPooling2D(pool_size=(2, 2))(x)
    x = double_conv(x, 1024)
    for filters, skip in zip((512, 256, 128, 64), reversed(skips)):
        up = Conv2D(filters, 2, activation=activation, padding='same', kernel_initializer='he_normal',
                    **regularizer_opts)(UpSampling2D(size=(2, 2))(x))
        x = double_conv(concatenate([skip, up], axis=3), filters)
    probs = Conv2D(num_classes, 3, activation='softmax', padding='same', kernel_initializer='he_normal',
                   **regularizer_opts, name='probs')(x)

    model = Model(inputs=inputs, outputs=probs)
    model.compile(optimizer=Adam(lr=lr, decay=optimizer_decay), loss=loss_sseg,
                  metrics=['accuracy', dice2_loss])
    if pretrained_weights:
        model.load_weights(pretrained_weights)
    return model


if __name__ == '__main__':
    model = make_keras_unet_model(lr=1e-4)
    train_seq = SliceSequence('data/lits/train', batch_size=8, augment=True)
    val_seq = SliceSequence('data/lits/val', batch_size=8)
    model.fit_generator(train_seq, validation_data=val_seq, epochs=50,
                        callbacks=[ModelCheckpoint('unet_liver.hdf5', monitor='val_loss', save_best_only=True)])
