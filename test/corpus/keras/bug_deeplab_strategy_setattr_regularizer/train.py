# Idiom seen in: srihari-humbarwadi/person_segmentation_tf2.0 train.py (before commit 3050a94 "removed
#   regularization loss", which points at tensorflow/tensorflow issue 33635)
# What it reproduces: under MirroredStrategy the script builds the model, then walks model.layers once to tune
#   BatchNormalization (momentum/epsilon, which does take effect) and to give every Conv2D an l2 kernel
#   regularizer, which does not: the layers are already built, so model.losses stays empty and compile()/fit()
#   train the masked binary cross entropy only. The tf.data pipeline lives in a data module not in this folder.
# label-note: WD106 on the `layer.kernel_regularizer = ...` assignment. Adam has no weight_decay.
import tensorflow as tf
from tensorflow.keras.callbacks import LearningRateScheduler, ModelCheckpoint, TensorBoard

from data import make_dataset, count_images
from deeplab import DeepLabV3Plus

H, W = 784, 784
batch_size = 12

train_dataset = make_dataset('resized_images/*', 'resized_masks/*', (H, W), batch_size, training=True)
val_dataset = make_dataset('validation_data/images/*', 'validation_data/masks/*', (H, W), batch_size)


@tf.function()
def loss(y_true, y_pred):
    mask = tf.logical_not(tf.equal(y_true, 255))
    return tf.losses.binary_crossentropy(tf.boolean_mask(y_true, mask), tf.boolean_mask(y_pred, mask))


def learning_rate_fn(epoch):
    if epoch < 5:
        return 1e-5
    elif epoch < 10:
        return 2e-5
    elif epoch <= 45:
        return 1e-5
    return 5e-6


strategy = tf.distribute.MirroredStrategy()
with strategy.scope():
    model = DeepLabV3Plus(H, W)
    for layer in model.layers:
        if isinstance(layer, tf.keras.layers.BatchNormalization):
            layer.momentum = 0.9997
            layer.epsilon = 1e-5
        elif isinstance(layer, tf.keras.layers.Conv2D):
            layer.kernel_regularizer = tf.keras.regularizers.l2(1e-4)  # expect: WD106
    model.compile(loss=loss, optimizer=tf.keras.optimizers.Adam(2e-5), metrics=['accuracy'])

callbacks = [ModelCheckpoint(filepath='top_weights.h5', monitor='val_loss', save_best_only=True,
                             save_weights_only=True, verbose=1),
             TensorBoard(log_dir='logs', update_freq='batch'),
             LearningRateScheduler(learning_rate_fn)]

model.fit(train_dataset, steps_per_epoch=count_images('resized_images/*') // batch_size, epochs=200,
          validation_data=val_dataset, validation_steps=count_images('validation_data/images/*') // batch_size,
          callbacks=callbacks)
model.save_weights('last_epoch.h5')
