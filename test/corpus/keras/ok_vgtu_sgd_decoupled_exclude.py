# Idiom seen in: Andrew-up/vgtu_train_model utils/model_optimizers.py
# What it reproduces: the repo's optimizer factory (Keras SGD with momentum and Nesterov) moved to Keras 2.11+
#   decoupled weight_decay, with exclude_from_weight_decay for biases and BatchNormalization, and no layer
#   regularizers on top; compile/fit. Clean.
import tensorflow as tf
from keras import optimizers

from dataset import get_train_val


def SGD_wd():
    opt = optimizers.SGD(learning_rate=1e-02, momentum=0.9, nesterov=True, weight_decay=5e-4)
    opt.exclude_from_weight_decay(var_names=['bias', 'batch_normalization', 'gamma', 'beta'])
    return opt


def build_model(num_classes):
    inputs = tf.keras.Input(shape=(224, 224, 3))
    x = inputs
    for filters in (32, 64, 128):
        x = tf.keras.layers.Conv2D(filters, 3, padding='same', use_bias=False)(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.ReLU()(x)
        x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    outputs = tf.keras.layers.Dense(num_classes, activation='softmax')(x)
    return tf.keras.Model(inputs, outputs)


if __name__ == '__main__':
    train_ds, val_ds = get_train_val('dataset/wounds', batch_size=16)
    model = build_model(num_classes=5)
    model.compile(optimizer=SGD_wd(), loss='categorical_crossentropy', metrics=['accuracy'])
    model.fit(train_ds, validation_data=val_ds, epochs=50)
