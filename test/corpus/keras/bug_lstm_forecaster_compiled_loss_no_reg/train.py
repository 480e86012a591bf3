# Idiom seen in: repository not resolved by the code index (index file id 39162935261; the training side of the
#   same forecasting package)
# What it reproduces: a yaml-driven training script: the config dataclass from the yaml 'model' section, sliding
#   windows from a data module that is not part of this folder, fit with early stopping and LR reduction.
import argparse

import tensorflow as tf
import yaml

from forecaster.config import LSTMModelConfig
from forecaster.model import LSTMModel
from windows import make_window_datasets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/household_power.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    model_config = LSTMModelConfig.from_dict(cfg["model"])
    train_ds, val_ds = make_window_datasets(cfg["data"], seq_len=model_config.seq_len)
    model = LSTMModel(model_config)
    model.fit(train_ds, validation_data=val_ds, epochs=cfg["train"]["epochs"],
              callbacks=[tf.keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True),
                         tf.keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=4)])
    model.save_weights(cfg["train"]["weights_path"])


if __name__ == "__main__":
    main()
