# Idiom seen in: repository not resolved by the code index (index file id 55489728520: "TD-Net model
# architecture", MobileNetV2 backbone + CBAM-style attention, _apply_l1_regularization(base_model, l1_strength))
# What it reproduces: the ImageNet MobileNetV2 is instantiated (so its layers are built) and a helper then sets
# layer.kernel_regularizer on every backbone layer; assigning the attribute after build adds no loss, so the
# configured L1 never reaches the compiled objective (bug). The head Dense layers carry no regularizer.
import tensorflow as tf
from tensorflow.keras.applications import MobileNetV2
from tensorflow.keras.layers import Conv2D, Dense, Dropout, GlobalAveragePooling2D, Input, Multiply
from tensorflow.keras.models import Model

from config import IMAGE_SIZE, LEARNING_RATE, L1_STRENGTH, DROPOUT_RATE, DENSE_UNITS  # not in this folder


class ChannelAttention(tf.keras.layers.Layer):
    def __init__(self, reduction_ratio=8, **kwargs):
        super().__init__(**kwargs)
        self.reduction_ratio = reduction_ratio

    def build(self, input_shape):
        channels = input_shape[-1]
        reduced = max(1, channels // self.reduction_ratio)
        self.squeeze = Dense(reduced, activation="relu")
        self.excite = Dense(channels, activation="sigmoid")

    def call(self, x):
        avg = tf.reduce_mean(x, axis=[1, 2], keepdims=True)
        mx = tf.reduce_max(x, axis=[1, 2], keepdims=True)
        return Multiply()([x, self.excite(self.squeeze(avg)) + self.excite(self.squeeze(mx))])


class SpatialAttention(tf.keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.conv = Conv2D(1, 7, padding="same", activation="sigmoid")

    def call(self, x):
        pooled = tf.concat([tf.reduce_mean(x, -1, keepdims=True), tf.reduce_max(x, -1, keepdims=True)], -1)
        return Multiply()([x, self.conv(pooled)])


def _apply_l1_regularization(base_model, l1_strength):
    """Apply L1 regularization to all conv/dense layers of the backbone."""
    for layer in base_model.layers:
        if hasattr(layer, "kernel_regularizer"):
            layer.kernel_regularizer = tf.keras.regularizers.l1(l1_strength)  # expect: WD106


def create_td_net(input_shape=(*IMAGE_SIZE, 3), l1_strength=L1_STRENGTH, learning_rate=LEARNING_RATE,
                  dropout_rate=DROPOUT_RATE, dense_units=DENSE_UNITS):
    inputs = Input(shape=input_shape)
    base_model = MobileNetV2(include_top=False, weights="imagenet", input_tensor=inputs)
    _apply_l1_regularization(base_model, l1_strength)

    x = ChannelAttention()(base_model.output)
    x = SpatialAttention()(x)
    x = GlobalAveragePooling2D()(x)
    x = Dense(dense_units, activation="relu")(x)
    x = Dropout(dropout_rate)(x)
    outputs = Dense(1, activation="sigmoid")(x)

    model = Model(inputs=inputs, outputs=outputs, name="TD_Net")
    model.compile(optimizer=tf.keras.optimizers.RMSprop(learning_rate=learning_rate),
                  loss="binary_crossentropy",
                  metrics=["accuracy", tf.keras.metrics.Precision(name="precision"),
                           tf.keras.metrics.Recall(name="recall")])
    return model
