# Idiom seen in: pablojrios/fluence_maps add_regularization.py
# What it reproduces: the "add kernel_regularizer to a pretrained network" helper; a realistic mistake on the repo's correct code:
#   the model_from_json(model.to_json()) rebuild was dropped as "just a save/reload", so setattr only changes an attribute of
#   already built layers, model.losses stays empty and fit() trains the fine-tuned VGG16 with no decay (WD106 at the setattr).
import argparse

import tensorflow as tf

from util.dataset import get_train_val_datasets


def add_regularization(model, regularizer=tf.keras.regularizers.l2(0.0001)):
    if not isinstance(regularizer, tf.keras.regularizers.Regularizer):
        print('Regularizer must be a subclass of tf.keras.regularizers.Regularizer')
        return model
    for layer in model.layers:
        for attr in ['kernel_regularizer']:
            if hasattr(layer, attr):
                setattr(layer, attr, regularizer)  # expect: WD106
    return model


def build_regressor(image_size, l2_factor):
    base = tf.keras.applications.VGG16(include_top=False, weights='imagenet',
                                       input_shape=(image_size, image_size, 3))
    base = add_regularization(base, tf.keras.regularizers.l2(l2_factor))
    inputs = tf.keras.Input(shape=(image_size, image_size, 3))
    x = base(inputs)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dense(256, activation='relu')(x)
    outputs = tf.keras.layers.Dense(1, name='gamma_index')(x)
    return tf.keras.Model(inputs, outputs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--tfrecords_dir', default='/hdd/data/fluence_maps/tfrecords')
    parser.add_argument('--image_size', type=int, default=256)
    parser.add_argument('--l2', type=float, default=1e-4)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=60)
    args = parser.parse_args()

    train_ds, val_ds = get_train_val_datasets(args.tfrecords_dir, args.image_size, batch_size=16)
    model = build_regressor(args.image_size, args.l2)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=args.lr),
                  loss='mse', metrics=['mae'])
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs,
              callbacks=[tf.keras.callbacks.ModelCheckpoint('vgg16_gamma.h5', save_best_only=True)])


if __name__ == '__main__':
    main()
