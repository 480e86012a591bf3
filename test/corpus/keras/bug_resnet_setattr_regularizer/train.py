# Idiom seen in: jules-gi/image_detection models/resnet50.py
# What it reproduces: the training script that builds the "regularized" backbone from backbone.py and
#   trains it with compile/fit; it believes l2 is active, but model.losses stays empty.
# label-note: the finding is in backbone.py (WD106); nothing to label here (SGD has no weight_decay).
import argparse

import tensorflow as tf
from tensorflow.keras import layers

import backbone
from data_utils import make_dataset


def build_detector(num_classes, l2_reg):
    img = layers.Input(shape=(448, 448, 3))
    pre = layers.Lambda(tf.keras.applications.resnet50.preprocess_input)(img)
    feat_net = backbone.load((img, pre), l2_regularization=l2_reg)
    feats = feat_net.output
    h = layers.Conv2D(256, 3, padding='same', activation='relu')(feats)
    out = layers.Conv2D(num_classes + 4, 1)(h)
    return tf.keras.Model(img, out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data', required=True)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--l2', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=30)
    parser.add_argument('--num-classes', type=int, default=20)
    args = parser.parse_args()

    model = build_detector(args.num_classes, args.l2)
    print('regularization terms:', len(model.losses))

    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9),
                  loss=tf.keras.losses.MeanSquaredError())
    train_ds, val_ds = make_dataset(args.data, batch_size=16)
    model.fit(train_ds, validation_data=val_ds, epochs=args.epochs)
    model.save_weights('detector.h5')


if __name__ == '__main__':
    main()
