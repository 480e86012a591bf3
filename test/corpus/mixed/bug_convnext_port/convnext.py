# Idiom seen in: sayakpaul/keras-convnext-conversion convnext.py
# What it reproduces: the Keras functional ConvNeXt of the port, here built with a Keras l2 regularizer on
#   its convolution and dense kernels. finetune.py trains it in a GradientTape loop whose loss leaves out
#   model.losses, so every regularizer below is dead (WD103 on each keyword).
import tensorflow as tf
from tensorflow.keras import layers


class LayerScale(layers.Layer):
    def __init__(self, init_values, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.init_values = init_values
        self.projection_dim = projection_dim

    def build(self, input_shape):
        self.gamma = tf.Variable(self.init_values * tf.ones((self.projection_dim,)))

    def call(self, x):
        return x * self.gamma


def ConvNeXt(depths, projection_dims, model_name="convnext", default_size=224, classes=1000,
             weight_decay=0.0, layer_scale_init_value=1e-6):
    reg = tf.keras.regularizers.l2(weight_decay / 2)
    inputs = layers.Input((default_size, default_size, 3))
    x = layers.Conv2D(projection_dims[0], 4, strides=4,
                      kernel_regularizer=reg, name=model_name + "_stem_conv")(inputs)  # expect: WD103
    x = layers.LayerNormalization(epsilon=1e-6, name=model_name + "_stem_ln")(x)
    for i in range(4):
        if i > 0:
            x = layers.LayerNormalization(epsilon=1e-6)(x)
            x = layers.Conv2D(projection_dims[i], 2, strides=2, kernel_regularizer=reg,  # expect: WD103
                              name=f"{model_name}_downsampling_conv_{i}")(x)
        for j in range(depths[i]):
            prefix = f"{model_name}_stage_{i}_block_{j}"
            shortcut = x
            x = layers.Conv2D(projection_dims[i], 7, padding="same", groups=projection_dims[i],
                              kernel_regularizer=reg, name=prefix + "_dwconv")(x)  # expect: WD103
            x = layers.LayerNormalization(epsilon=1e-6, name=prefix + "_ln")(x)
            x = layers.Dense(4 * projection_dims[i], kernel_regularizer=reg, name=prefix + "_pw1")(x)  # expect: WD103
            x = layers.Activation("gelu")(x)
            x = layers.Dense(projection_dims[i], kernel_regularizer=reg, name=prefix + "_pw2")(x)  # expect: WD103
            x = LayerScale(layer_scale_init_value, projection_dims[i], name=prefix + "_ls")(x)
            x = shortcut + x
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.LayerNormalization(epsilon=1e-6, name=model_name + "_head_ln")(x)
    outputs = layers.Dense(classes, kernel_regularizer=reg, name=model_name + "_head_dense")(x)  # expect: WD103
    return tf.keras.Model(inputs, outputs, name=model_name)
