# Idiom seen in: Krabsenm/thesis2021 utils/add_regularization.py
# Idiom seen in: Krabsenm/thesis2021 models/models.py
# What it reproduces: the "add regularization to a pretrained Keras application" helper: setattr(layer, "kernel_regularizer", r)
#   on every layer, then model_from_json(model.to_json()) + reload weights so the layers are rebuilt with their losses; the
#   rebuilt base is nested into the classifier that compile()/fit() trains: clean.
import argparse

import tensorflow as tf
from tensorflow.keras.callbacks import ModelCheckpoint, ReduceLROnPlateau
from tensorflow.keras.losses import CategoricalCrossentropy
from tensorflow.keras.optimizers import Adam

from datasets import get_dataset
from models import build_model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', default='resnet')
    parser.add_argument('--weights', default='imagenet')
    parser.add_argument('--regularization', default='l2')
    parser.add_argument('--regularization_alpha', type=float, default=1e-4)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=30)
    args = parser.parse_args()

    tasks = ['age', 'gender']
    train_ds, val_ds, nclasses = get_dataset('utkface', tasks, batch_size=32)

    model = build_model(args.model, tasks, (224, 224, 3), nclasses, args.weights,
                        args.regularization, args.regularization_alpha)
    model.compile(optimizer=Adam(learning_rate=args.lr),
                  loss={t: CategoricalCrossentropy(name=t) for t in tasks},
                  metrics=['accuracy'])
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs,
              callbacks=[ModelCheckpoint('ckpt/best.h5', save_best_only=True),
                         ReduceLROnPlateau(patience=3)])


if __name__ == '__main__':
    main()
