# Idiom seen in: IMvision12/keras-vision-models kmodels/models/resnetv2/resnetv2_layers.py
# What it reproduces: a Keras 3 ResNetV2 with weight-standardized StdConv2D built by a conv() helper that passes
#   kernel_regularizer=L2 (kept from a Keras 2 recipe), trained with keras.optimizers.AdamW: the kernels are decayed
#   twice (WD201 at the regularizer), and AdamW without exclude_from_weight_decay also decays GroupNorm gamma/beta and
#   the head bias (WD203 at weight_decay=).
import keras
from keras import layers, ops

from data_pipeline import get_datasets

L2_REG = 1e-4
LR = 1e-3
WEIGHT_DECAY = 0.05
EPOCHS = 30


class StdConv2D(layers.Conv2D):
    def __init__(self, filters, kernel_size, eps=1e-8, **kwargs):
        super().__init__(filters, kernel_size, **kwargs)
        self.eps = eps

    def convolution_op(self, inputs, kernel):
        mean = ops.mean(kernel, axis=[0, 1, 2], keepdims=True)
        var = ops.mean(ops.square(kernel - mean), axis=[0, 1, 2], keepdims=True)
        return super().convolution_op(inputs, (kernel - mean) / ops.sqrt(var + self.eps))


def conv(x, filters, kernel_size, strides=1, name=None):
    return StdConv2D(filters, kernel_size, strides=strides, padding="same", use_bias=False,
                     kernel_regularizer=keras.regularizers.L2(L2_REG), name=name)(x)  # expect: WD201


def preact_block(x, filters, stride, name):
    shortcut = x
    x = layers.ReLU()(layers.GroupNormalization(32, name=name + "_gn1")(x))
    if stride != 1 or shortcut.shape[-1] != filters:
        shortcut = conv(x, filters, 1, strides=stride, name=name + "_proj")
    x = conv(x, filters, 3, strides=stride, name=name + "_conv1")
    x = layers.ReLU()(layers.GroupNormalization(32, name=name + "_gn2")(x))
    x = conv(x, filters, 3, name=name + "_conv2")
    return layers.Add()([x, shortcut])


def build_model(num_classes):
    inputs = keras.Input((224, 224, 3))
    x = conv(inputs, 64, 7, strides=2, name="stem_conv")
    for i, (filters, stride) in enumerate([(64, 1), (128, 2), (256, 2), (512, 2)]):
        x = preact_block(x, filters, stride, "stage%d" % i)
    x = layers.ReLU()(layers.GroupNormalization(32, name="final_gn")(x))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes, name="head")(x))


if __name__ == "__main__":
    train_ds, val_ds = get_datasets("oxford_flowers102", batch_size=64)
    model = build_model(102)
    model.compile(optimizer=keras.optimizers.AdamW(learning_rate=LR, weight_decay=WEIGHT_DECAY),  # expect: WD203
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(train_ds, validation_data=val_ds, epochs=EPOCHS)
