# Idiom seen in: Socret360/object-detection-in-keras train.py
# What it reproduces: SSD-style heads with kernel_regularizer=l2(...) on the rebuilt backbone, compiled
#   with SGD and fit, so Keras adds every layer's regularization loss. Clean.
import argparse
import json

from tensorflow.keras.layers import Concatenate, Conv2D, Reshape
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD
from tensorflow.keras.regularizers import l2

from backbone import truncated_vgg16
from data_generators import SSD_DATA_GENERATOR
from losses import SSD_LOSS


def build_ssd(config, num_classes):
    size = config["model"]["input_size"]
    l2_reg = config["model"]["l2_regularization"]
    base = truncated_vgg16((size, size, 3), l2_reg)
    confs, locs = [], []
    for name in ["block4_conv3", "block5_conv3"]:
        x = base.get_layer(name).output
        conf = Conv2D(4 * num_classes, (3, 3), padding='same', kernel_regularizer=l2(l2_reg), name=name + '_conf')(x)
        loc = Conv2D(4 * 4, (3, 3), padding='same', kernel_regularizer=l2(l2_reg), name=name + '_loc')(x)
        confs.append(Reshape((-1, num_classes))(conf))
        locs.append(Reshape((-1, 4))(loc))
    outputs = Concatenate(axis=-1)([Concatenate(axis=-2)(confs), Concatenate(axis=-2)(locs)])
    return Model(base.input, outputs)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('config', type=str)
    parser.add_argument('--epochs', type=int, default=120)
    args = parser.parse_args()
    with open(args.config) as f:
        config = json.load(f)
    label_maps = config["training"]["label_maps"]
    model = build_ssd(config, len(label_maps) + 1)
    model.compile(optimizer=SGD(learning_rate=1e-3, momentum=0.9), loss=SSD_LOSS(alpha=1.0).compute)
    model.fit(SSD_DATA_GENERATOR(config=config, label_maps=label_maps, shuffle=True), epochs=args.epochs)
