# Idiom seen in: repository not resolved by the code index (index file id 941530436; the helper's caller is
#   written here in the usual Keras transfer-learning style)
# What it reproduces: a MobileNetV2 backbone plus a new head is built, then "regularized" by
#   regularizer_l2(model, args.l2) before compile/fit; the assignment has no effect on the loss.
import argparse

import tensorflow as tf

from regularizer import regularizer_l2
from dataset import get_datasets


def build_model(num_classes, img_size):
    base = tf.keras.applications.MobileNetV2(input_shape=(img_size, img_size, 3),
                                             include_top=False, weights='imagenet')
    base.trainable = True
    inputs = tf.keras.Input(shape=(img_size, img_size, 3))
    x = base(inputs, training=False)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.2)(x)
    outputs = tf.keras.layers.Dense(num_classes, activation='softmax')(x)
    return tf.keras.Model(inputs, outputs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', default='data/flowers')
    parser.add_argument('--img_size', type=int, default=224)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--l2', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=30)
    args = parser.parse_args()

    train_ds, val_ds, num_classes = get_datasets(args.data_dir, args.img_size)
    model = build_model(num_classes, args.img_size)
    regularizer_l2(model, args.l2)

    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9),
                  loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs)
    model.save('flowers_mobilenetv2.h5')


if __name__ == '__main__':
    main()
