# Idiom seen in: AmbiqAI/neuralspot-edge keras_edge/models/tcn.py
# What it reproduces: the repo's TCN "mb" blocks, whose depthwise/pointwise convs carry L2(1e-3) regularizers; used as
# the student of Distiller (distiller.py), whose compute_loss override never adds self.losses, so they do nothing.
import keras


def norm_layer(norm, name):
    def layer(x):
        if norm == "batch":
            return keras.layers.BatchNormalization(axis=-1, name=f"{name}.BN")(x)
        if norm == "layer":
            return keras.layers.LayerNormalization(axis=(1, 2), name=f"{name}.LN")(x)
        return x
    return layer


def tcn_block_mb(filters, kernel, dilation, norm, name):
    def layer(x):
        y = keras.layers.DepthwiseConv2D(
            kernel_size=kernel,
            padding="same",
            use_bias=norm is None,
            dilation_rate=dilation,
            depthwise_initializer="he_normal",
            depthwise_regularizer=keras.regularizers.L2(1e-3),  # expect: WD103
            name=f"{name}.DW.CN",
        )(x)
        y = norm_layer(norm, f"{name}.DW")(y)
        y = keras.layers.Activation("relu6", name=f"{name}.DW.ACT")(y)
        y = keras.layers.Conv2D(
            filters=filters,
            kernel_size=(1, 1),
            padding="same",
            use_bias=norm is None,
            kernel_initializer="he_normal",
            kernel_regularizer=keras.regularizers.L2(1e-3),  # expect: WD103
            name=f"{name}.PW.CN",
        )(y)
        y = norm_layer(norm, f"{name}.PW")(y)
        y = keras.layers.Activation("relu6", name=f"{name}.PW.ACT")(y)
        if x.shape[-1] == y.shape[-1]:
            y = keras.layers.Add(name=f"{name}.ADD")([y, x])
        return y
    return layer


def build_student(input_shape, num_classes, blocks=((16, (1, 7), 1), (24, (1, 7), 2), (32, (1, 7), 4))):
    x = keras.Input(shape=input_shape)
    y = keras.layers.Reshape((1,) + tuple(input_shape))(x)
    for i, (filters, kernel, dilation) in enumerate(blocks):
        y = tcn_block_mb(filters, kernel, dilation, norm="batch", name=f"B{i + 1}")(y)
    y = keras.layers.GlobalAveragePooling2D()(y)
    y = keras.layers.Dense(num_classes, name="NECK.dense")(y)
    return keras.Model(x, y, name="student_tcn")
