# Idiom seen in: yeyinthtoon/kyolo train_jax.py
# What it reproduces: a Keras 3 YOLO-style backbone builder (Conv-BN-SiLU blocks) used by the
#   JAX-backend training script; every conv gets an L2 kernel_regularizer while the training
#   script's keras.optimizers.AdamW also decays those kernels (double decay).
import keras
from keras import layers, regularizers

CONV_L2 = 5e-4


def conv_bn(x, filters, kernel_size=3, strides=1, name=None):
    x = layers.Conv2D(
        filters,
        kernel_size,
        strides=strides,
        padding="same",
        use_bias=False,
        kernel_regularizer=regularizers.L2(CONV_L2),  # expect: WD201
        name=None if name is None else name + "_conv",
    )(x)
    x = layers.BatchNormalization(momentum=0.97, epsilon=1e-3)(x)
    return layers.Activation("silu")(x)


def build_model(config):
    inputs = keras.Input(shape=(config["img_size"], config["img_size"], 3))
    x = conv_bn(inputs, 32, 3, 2, name="stem")
    for i, width in enumerate(config["widths"]):
        x = conv_bn(x, width, 3, 2, name=f"down{i}")
        x = conv_bn(x, width, 3, 1, name=f"block{i}")
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(config["num_classes"], name="cls")(x)
    return keras.Model(inputs, outputs, name="kyolo_backbone")
