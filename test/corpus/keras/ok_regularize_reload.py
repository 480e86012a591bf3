# Idiom seen in: Alanford10/HyperTuner src/keras_utils/op.py (add_regularization)
# What it reproduces: regularizers set with setattr on the layers of an already-built backbone, followed by the
# to_json / model_from_json round trip and a by-name weight reload, which rebuilds the layers so the l2/l1
# penalties are really created; the rebuilt model is compiled and fitted (clean).
import argparse
import os
import tempfile

import keras

from tuner_data import load_split  # dataset helper of the project, not in this folder


def add_regularization(model, conv_reg=0, dense_reg=0):
    for layer in model.layers:
        for attr in ["kernel_regularizer"]:
            if hasattr(layer, attr):
                if "conv" in layer.name:
                    if conv_reg == 0:
                        setattr(layer, attr, None)
                    else:
                        setattr(layer, attr, keras.regularizers.l2(conv_reg))
                elif "dense" in layer.name:
                    if dense_reg == 0:
                        setattr(layer, attr, None)
                    else:
                        setattr(layer, attr, keras.regularizers.l1(dense_reg))

    # the new attributes only live in the config: rebuild the model from it
    model_json = model.to_json()
    tmp_weights_path = os.path.join(tempfile.gettempdir(), "tmp_weights.h5")
    model.save_weights(tmp_weights_path)

    model = keras.models.model_from_json(model_json)
    model.load_weights(tmp_weights_path, by_name=True)
    return model


def build_backbone(name, input_shape, num_classes):
    base = getattr(keras.applications, name)(include_top=False, weights="imagenet",
                                             input_shape=input_shape, pooling="avg")
    x = keras.layers.Dense(256, activation="relu", name="dense_head")(base.output)
    out = keras.layers.Dense(num_classes, activation="softmax", name="dense_out")(x)
    return keras.models.Model(base.input, out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--arch", default="ResNet50")
    parser.add_argument("--conv_reg", type=float, default=1e-4)
    parser.add_argument("--dense_reg", type=float, default=1e-5)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=30)
    args = parser.parse_args()

    (x_train, y_train), (x_val, y_val), num_classes = load_split("data/", image_size=224)

    model = build_backbone(args.arch, (224, 224, 3), num_classes)
    model = add_regularization(model, conv_reg=args.conv_reg, dense_reg=args.dense_reg)

    model.compile(optimizer=keras.optimizers.Adam(lr=args.lr),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train, y_train, validation_data=(x_val, y_val),
              epochs=args.epochs, batch_size=32)


if __name__ == "__main__":
    main()
