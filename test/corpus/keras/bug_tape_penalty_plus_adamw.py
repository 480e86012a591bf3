# Idiom seen in: kunigaku/keras-resnet keras_resnet/models/_1d.py
# What it reproduces: a 1-D ResNet trained in a GradientTape loop whose loss adds a hand-written
# wd * sum(l2_loss(kernel)) penalty over model.trainable_variables, while the Keras AdamW optimizer applying
# the gradients already decays the same kernels (user kept the old penalty after switching to AdamW): WD201.
import argparse
import tensorflow as tf
from tensorflow.keras import layers

from timeseries import load_uea_dataset


def ResNet1D(input_shape, classes):
    inputs = layers.Input(input_shape)
    x = layers.Conv1D(64, 7, strides=2, padding='same', use_bias=False)(inputs)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    for filters in (64, 128, 256):
        y = layers.ReLU()(layers.BatchNormalization()(layers.Conv1D(filters, 3, strides=2, padding='same')(x)))
        y = layers.BatchNormalization()(layers.Conv1D(filters, 3, padding='same')(y))
        x = layers.ReLU()(layers.add([layers.Conv1D(filters, 1, strides=2)(x), y]))
    x = layers.GlobalAveragePooling1D()(x)
    return tf.keras.Model(inputs, layers.Dense(classes)(x))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=60)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--wd', type=float, default=1e-4)
    args = parser.parse_args()

    train_ds, n_classes, input_shape = load_uea_dataset('FordA', batch_size=64)
    model = ResNet1D(input_shape, n_classes)
    optimizer = tf.keras.optimizers.AdamW(learning_rate=args.lr, weight_decay=1e-2)
    optimizer.exclude_from_weight_decay(var_names=['bias', 'gamma', 'beta'])
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            l2 = args.wd * tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables if 'kernel' in v.name])  # expect: WD201
            loss = loss_fn(y, logits) + l2
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(args.epochs):
        for x, y in train_ds:
            loss = train_step(x, y)
        print('epoch %d loss %.4f' % (epoch, float(loss)))


if __name__ == '__main__':
    main()
