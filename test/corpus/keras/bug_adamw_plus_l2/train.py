# Idiom seen in: Abhicoder1999/Robotics-Arm script/model.py (compile/fit of the l2-regularized CNN; here moved to AdamW)
# What it reproduces: Keras 3 training script that moves to AdamW but still builds the model with l2 kernel
#   regularizers (double decay), and never calls optimizer.exclude_from_weight_decay, so AdamW also
#   decays every conv/dense bias and BatchNormalization gamma/beta.
# label-note: WD203 on the AdamW weight_decay= line (decay applied to biases and BN parameters);
#   the WD201 label sits on model.py's regularizer line. No WD202: AdamW is decoupled.
import argparse

import keras

from model import build_model
from gesture_data import load_split

CONFIG = {
    "lr": 3e-4,
    "weight_decay": 1e-4,
    "batch_size": 32,
    "epochs": 40,
}


def make_optimizer(cfg):
    return keras.optimizers.AdamW(
        learning_rate=cfg["lr"],
        weight_decay=cfg["weight_decay"],  # expect: WD203
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="data/gestures")
    parser.add_argument("--epochs", type=int, default=CONFIG["epochs"])
    args = parser.parse_args()

    x_train, y_train = load_split(args.data_dir, "train")
    x_val, y_val = load_split(args.data_dir, "val")

    model = build_model(weight_decay=CONFIG["weight_decay"])
    model.compile(loss="categorical_crossentropy",
                  optimizer=make_optimizer(CONFIG),
                  metrics=["accuracy"])
    model.fit(x_train, y_train, batch_size=CONFIG["batch_size"], epochs=args.epochs,
              validation_data=(x_val, y_val))
    model.save("gesture_cnn.keras")


if __name__ == "__main__":
    main()
