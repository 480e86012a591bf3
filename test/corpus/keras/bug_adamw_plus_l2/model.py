# Idiom seen in: Abhicoder1999/Robotics-Arm script/model.py
# What it reproduces: a Conv/BN classifier whose every conv carries kernel_regularizer=l2(weight_decay);
#   train.py later swaps Adam for keras.optimizers.AdamW(weight_decay=...) and keeps the regularizers.
# label-note: WD201 on the explicit L2 (the regularizer line): the same conv kernels are also decayed by AdamW.
import keras
from keras import layers, regularizers


def conv_bn_relu(x, filters, weight_decay):
    x = layers.Conv2D(filters, (4, 4), padding="same",
                      kernel_regularizer=regularizers.l2(weight_decay))(x)  # expect: WD201
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def build_model(input_shape=(128, 128, 1), num_classes=6, weight_decay=1e-4):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for filters, drop in [(64, 0.2), (128, 0.3), (128, 0.4)]:
        x = conv_bn_relu(x, filters, weight_decay)
        x = conv_bn_relu(x, filters, weight_decay)
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
        x = layers.Dropout(drop)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(128, activation="relu")(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="gesture_cnn")
