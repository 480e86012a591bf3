# Idiom seen in: edwardyehuang/iSeg iseg/layers/model_builder.py (models picked by name from a registry)
# What it reproduces: a name -> builder registry in its own module; the U-Net style builder has Conv+BN blocks,
#   biased decoder convs and no kernel regularizers (decay comes only from the optimizer).
# label-note: clean; no decay here.
import keras
from keras import layers


def _block(x, filters, name):
    for i in range(2):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"{name}_conv{i}")(x)
        x = layers.BatchNormalization(name=f"{name}_bn{i}")(x)
        x = layers.ReLU()(x)
    return x


def build_unet(num_classes, input_shape=(384, 384, 3), widths=(32, 64, 128, 256)):
    inputs = keras.Input(input_shape)
    skips, x = [], inputs
    for i, w in enumerate(widths):
        x = _block(x, w, f"down{i}")
        skips.append(x)
        x = layers.MaxPooling2D()(x)
    x = _block(x, widths[-1] * 2, "bottleneck")
    for i, (w, skip) in reversed(list(enumerate(zip(widths, skips)))):
        x = layers.Conv2DTranspose(w, 2, strides=2, name=f"up{i}_deconv")(x)
        x = _block(layers.Concatenate()([x, skip]), w, f"up{i}")
    return keras.Model(inputs, layers.Conv2D(num_classes, 1, name="logits")(x), name="unet")


MODELS = {"unet": build_unet}


def build_model(name, num_classes):
    return MODELS[name](num_classes)
