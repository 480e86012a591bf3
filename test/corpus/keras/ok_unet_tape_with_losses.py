# Idiom seen in: zhixuhao/unet model.py
# What it reproduces: a 2D segmentation U-Net with l2 kernel regularizers trained in a custom
#   GradientTape step; the step adds tf.add_n(model.losses) to the BCE + dice loss inside the tape. Clean.
import tensorflow as tf
from tensorflow.keras import layers, regularizers
from data import trainGenerator

L2_LAMBDA = 1e-4
reg = regularizers.l2(L2_LAMBDA)


def unet(input_size=(256, 256, 1)):
    inputs = layers.Input(input_size)
    c1 = layers.Conv2D(64, 3, activation='relu', padding='same', kernel_initializer='he_normal', kernel_regularizer=reg)(inputs)
    c1 = layers.Conv2D(64, 3, activation='relu', padding='same', kernel_initializer='he_normal', kernel_regularizer=reg)(c1)
    p1 = layers.MaxPooling2D(pool_size=(2, 2))(c1)
    c2 = layers.Conv2D(128, 3, activation='relu', padding='same', kernel_initializer='he_normal', kernel_regularizer=reg)(p1)
    c2 = layers.Conv2D(128, 3, activation='relu', padding='same', kernel_initializer='he_normal', kernel_regularizer=reg)(c2)
    p2 = layers.MaxPooling2D(pool_size=(2, 2))(c2)
    c3 = layers.Conv2D(256, 3, activation='relu', padding='same', kernel_initializer='he_normal', kernel_regularizer=reg)(p2)
    d3 = layers.Dropout(0.5)(c3)
    u4 = layers.Conv2D(128, 2, activation='relu', padding='same', kernel_initializer='he_normal')(layers.UpSampling2D(size=(2, 2))(d3))
    c4 = layers.Conv2D(128, 3, activation='relu', padding='same', kernel_initializer='he_normal', kernel_regularizer=reg)(layers.concatenate([c2, u4], axis=3))
    u5 = layers.Conv2D(64, 2, activation='relu', padding='same', kernel_initializer='he_normal')(layers.UpSampling2D(size=(2, 2))(c4))
    c5 = layers.Conv2D(64, 3, activation='relu', padding='same', kernel_initializer='he_normal', kernel_regularizer=reg)(layers.concatenate([c1, u5], axis=3))
    outputs = layers.Conv2D(1, 1, activation='sigmoid')(c5)
    return tf.keras.Model(inputs=inputs, outputs=outputs)


def dice_loss(y_true, y_pred, smooth=1.0):
    inter = tf.reduce_sum(y_true * y_pred, axis=[1, 2, 3])
    union = tf.reduce_sum(y_true, axis=[1, 2, 3]) + tf.reduce_sum(y_pred, axis=[1, 2, 3])
    return 1.0 - tf.reduce_mean((2.0 * inter + smooth) / (union + smooth))


model = unet()
bce = tf.keras.losses.BinaryCrossentropy()
optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)


@tf.function
def train_step(images, masks):
    with tf.GradientTape() as tape:
        pred = model(images, training=True)
        loss = bce(masks, pred) + dice_loss(masks, pred) + tf.add_n(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


if __name__ == '__main__':
    data_gen_args = dict(rotation_range=0.2, width_shift_range=0.05, height_shift_range=0.05,
                         shear_range=0.05, zoom_range=0.05, horizontal_flip=True, fill_mode='nearest')
    gen = trainGenerator(2, 'data/membrane/train', 'image', 'label', data_gen_args, save_to_dir=None)
    for step, (images, masks) in enumerate(gen):
        loss = train_step(images, masks)
        if step % 100 == 0:
            print('step', step, 'loss', float(loss))
        if step == 30000:
            break
    model.save('unet_membrane_l2.hdf5')
