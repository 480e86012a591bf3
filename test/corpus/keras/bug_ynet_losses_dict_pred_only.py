# Idiom seen in: livanosg/ynet model_fn.py
# What it reproduces: Y-Net style liver segmentation (shared encoder, two decoders) in a TF2 custom loop that keeps
#   its losses in a dict for logging; the regularization sum tf.add_n(model.losses) and the total are put in the
#   dict, but tape.gradient differentiates losses['pred'] only, so the l2 kernel regularizers never train.
import argparse

import tensorflow as tf
from tensorflow.keras import layers, regularizers

from input_fns import make_dataset


def conv(x, filters, wd):
    x = layers.Conv2D(filters, 3, padding='same', kernel_regularizer=regularizers.l2(wd))(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


def ynet(input_shape, n_class, wd):
    inp = tf.keras.Input(shape=input_shape)
    e1 = conv(conv(inp, 32, wd), 32, wd)
    e2 = conv(conv(layers.MaxPool2D()(e1), 64, wd), 64, wd)
    b = conv(layers.MaxPool2D()(e2), 128, wd)
    outs = []
    for name in ('liver', 'tumor'):
        d = layers.Conv2DTranspose(64, 2, strides=2, padding='same')(b)
        d = conv(layers.Concatenate()([d, e2]), 64, wd)
        d = layers.Conv2DTranspose(32, 2, strides=2, padding='same')(d)
        d = conv(layers.Concatenate()([d, e1]), 32, wd)
        outs.append(layers.Conv2D(n_class, 1, activation='softmax', name=name)(d))
    return tf.keras.Model(inp, outs)


def main(args):
    model = ynet((args.size, args.size, 1), 2, args.weight_decay)
    optimizer = tf.keras.optimizers.Adam(args.lr)
    cce = tf.keras.losses.CategoricalCrossentropy()
    writer = tf.summary.create_file_writer(args.model_dir)

    @tf.function
    def train_step(images, liver_masks, tumor_masks):
        with tf.GradientTape() as tape:
            liver, tumor = model(images, training=True)
            losses = {'pred': cce(liver_masks, liver) + cce(tumor_masks, tumor)}
            losses['reg'] = tf.add_n(model.losses)  # expect: WD105
            losses['total'] = losses['pred'] + losses['reg']
        grads = tape.gradient(losses['pred'], model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return losses

    step = 0
    for epoch in range(args.epochs):
        for images, liver_masks, tumor_masks in make_dataset(args.data_dir, args.batch_size):
            losses = train_step(images, liver_masks, tumor_masks)
            with writer.as_default():
                for k, v in losses.items():
                    tf.summary.scalar('loss/' + k, v, step=step)
            step += 1


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--data_dir', default='data/lits')
    p.add_argument('--model_dir', default='saved/ynet')
    p.add_argument('--size', type=int, default=256)
    p.add_argument('--lr', type=float, default=1e-4)
    p.add_argument('--weight_decay', type=float, default=1e-5)
    p.add_argument('--batch_size', type=int, default=8)
    p.add_argument('--epochs', type=int, default=50)
    main(p.parse_args())
