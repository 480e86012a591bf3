# Idiom seen in: vmlcode/AMR-VSA25 src/models/dnn_model.py
# What it reproduces: a Sequential builder that picks l1(0.01) / l2(0.01) / None from a `regularization`
#   string, puts it on every hidden Dense and compiles inside the builder; the sweep below trains the
#   "L2" variant (and an unregularized baseline) with fit, which adds model.losses itself: clean.
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split


def build_dnn_model(name, params, optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"],
                    regularization=None):
    model = tf.keras.Sequential(name=name)

    if regularization == "L1":
        regularizer = tf.keras.regularizers.l1(0.01)
    elif regularization == "L2":
        regularizer = tf.keras.regularizers.l2(0.01)
    else:
        regularizer = None

    for i in range(len(params)):
        model.add(tf.keras.layers.Dense(
            units=params[i]["units"],
            activation="relu",
            kernel_regularizer=regularizer,
            name=f"DENSE_{i + 1}_{params[i]['units']}_Relu"
        ))
    model.add(tf.keras.layers.Dense(1, activation="sigmoid", name=f"DENSE_{len(params) + 1}_1_Sigmoid"))
    model.compile(optimizer=optimizer, loss=loss, metrics=metrics)
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="data/amr_features.csv")
    parser.add_argument("--target", default="resistant")
    parser.add_argument("--epochs", type=int, default=50)
    args = parser.parse_args()

    df = pd.read_csv(args.csv)
    X = df.drop(columns=[args.target]).values.astype(np.float32)
    y = df[args.target].values.astype(np.float32)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)

    params = [{"units": 64}, {"units": 32}, {"units": 16}]
    results = {}
    for reg in [None, "L2"]:
        model = build_dnn_model(f"dnn_{reg}", params,
                                optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3),
                                regularization=reg)
        history = model.fit(X_train, y_train, validation_data=(X_val, y_val), epochs=args.epochs,
                            batch_size=64, verbose=0)
        results[str(reg)] = max(history.history["val_accuracy"])
    print(results)


if __name__ == "__main__":
    main()
