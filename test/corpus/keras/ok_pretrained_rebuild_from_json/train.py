# Idiom seen in: triagemd/keras-trainer keras_trainer/regularizations.py (caller of set_model_regularization)
# What it reproduces: fine-tuning an ImageNet MobileNetV2 with l2 on all kernels, applied through the
#   rebuild helper, and trained with compile/fit (Keras adds model.losses itself).
# label-note: clean; SGD without weight_decay, the rebuilt model is compiled and fitted.
import argparse

import tensorflow as tf

from regularizations import set_model_regularization
from dataloaders import directory_dataset


def build(num_classes, l2_factor):
    base = tf.keras.applications.MobileNetV2(input_shape=(224, 224, 3), include_top=False,
                                             weights='imagenet', pooling='avg')
    logits = tf.keras.layers.Dense(num_classes, activation='softmax')(base.output)
    model = tf.keras.Model(base.input, logits)
    return set_model_regularization(model, tf.keras.regularizers.l2(l2_factor))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--train-dir', required=True)
    parser.add_argument('--val-dir', required=True)
    parser.add_argument('--num-classes', type=int, required=True)
    parser.add_argument('--l2', type=float, default=4e-5)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--epochs', type=int, default=20)
    args = parser.parse_args()

    model = build(args.num_classes, args.l2)
    assert model.losses, 'regularization was not applied'
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9),
                  loss='categorical_crossentropy', metrics=['accuracy'])
    model.fit(directory_dataset(args.train_dir, 32), epochs=args.epochs,
              validation_data=directory_dataset(args.val_dir, 32))


if __name__ == '__main__':
    main()
