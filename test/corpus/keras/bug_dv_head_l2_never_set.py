# Idiom seen in: google/deepvariant deepvariant/keras_modeling.py
# What it reproduces: the classification-head builder makes its regularizer only `if l2`
#   (L2(l2) if l2 else None, default l2=0.0). Realistic mistake in a fine-tuning script built on it:
#   both model builders call the head without l2, so the guarded regularizer is never created (WD303).
import argparse

import tensorflow as tf

from data_providers import get_dataset

NUM_CLASSES = 3
_DEFAULT_BACKBONE_DROP_RATE = 0.2


def build_classification_head(inputs, l2=0.0):
    l2_regularizer = tf.keras.regularizers.L2(l2) if l2 else None  # expect: WD303
    head = tf.keras.layers.Dense(NUM_CLASSES, activation='softmax', dtype=tf.float32,
                                 name='classification', kernel_regularizer=l2_regularizer)
    return head(inputs)


def inceptionv3(input_shape, weights='imagenet'):
    backbone = tf.keras.applications.InceptionV3(include_top=False, weights=weights,
                                                 input_shape=input_shape, pooling='avg')
    hid = tf.keras.layers.Dropout(_DEFAULT_BACKBONE_DROP_RATE)(backbone.output)
    outputs = build_classification_head(hid)
    return tf.keras.Model(inputs=backbone.input, outputs=outputs, name='inceptionv3')


def efficientnet(input_shape, weights='imagenet'):
    backbone = tf.keras.applications.EfficientNetB3(include_top=False, weights=weights,
                                                    input_shape=input_shape, pooling='avg')
    hid = tf.keras.layers.Dropout(_DEFAULT_BACKBONE_DROP_RATE)(backbone.output)
    return tf.keras.Model(inputs=backbone.input, outputs=build_classification_head(hid), name='effnet')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', default='inceptionv3', choices=['inceptionv3', 'efficientnet'])
    parser.add_argument('--train_tfrecord', required=True)
    parser.add_argument('--tune_tfrecord', required=True)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    parser.add_argument('--epochs', type=int, default=10)
    args = parser.parse_args()

    builder = {'inceptionv3': inceptionv3, 'efficientnet': efficientnet}[args.model]
    model = builder((299, 299, 3))
    model.compile(optimizer=tf.keras.optimizers.RMSprop(args.learning_rate, rho=0.9, momentum=0.9, epsilon=1.0),
                  loss=tf.keras.losses.CategoricalCrossentropy(label_smoothing=0.01),
                  metrics=['categorical_accuracy'])
    model.fit(get_dataset(args.train_tfrecord, training=True), validation_data=get_dataset(args.tune_tfrecord),
              epochs=args.epochs)
    model.save_weights('checkpoints/final')


if __name__ == '__main__':
    main()
