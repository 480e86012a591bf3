# Idiom seen in: peerdavid/capsule-network main.py
# Idiom seen in: peerdavid/capsule-network capsule_layers.py
# What it reproduces: the CapsNet of the repo (conv1 + PrimaryCaps + DigitCaps + masked decoder) given L2
#   kernel_regularizers and moved from model.fit_generator to a tf.GradientTape loop; the loop loss is
#   margin + scaled reconstruction only, model.losses is left out, so the regularizers do nothing.
import argparse
import os

import tensorflow as tf

import utils
from capsnet import create_capsnet
from capsule_layers import margin_loss, reconstruction_loss


def main(args):
    os.makedirs(args.save_dir, exist_ok=True)
    (x_train, y_train), (x_test, y_test) = utils.load_mnist()
    model = create_capsnet(input_shape=x_train.shape[1:], n_class=10,
                           num_routing=args.num_routing, weight_decay=args.weight_decay)
    optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)
    train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(args.batch_size)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            y_pred, x_recon = model([x, y], training=True)
            loss = margin_loss(y, y_pred) + args.scale_reconstruction_loss * reconstruction_loss(x, x_recon)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(args.epochs):
        optimizer.learning_rate = args.lr * (args.lr_decay ** epoch)
        for step, (x, y) in enumerate(train_ds):
            loss = train_step(x, y)
            if step % 100 == 0:
                print('epoch %d step %d loss %.4f' % (epoch, step, float(loss)))
        model.save_weights(os.path.join(args.save_dir, 'weights-%02d.h5' % epoch))


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description="Capsule Network on MNIST.")
    parser.add_argument('--epochs', default=50, type=int)
    parser.add_argument('--batch_size', default=128, type=int)
    parser.add_argument('--lr', default=0.001, type=float)
    parser.add_argument('--lr_decay', default=0.9, type=float)
    parser.add_argument('--weight_decay', default=5e-4, type=float)
    parser.add_argument('--scale_reconstruction_loss', default=0.0005, type=float)
    parser.add_argument('-r', '--num_routing', default=3, type=int)
    parser.add_argument('--save_dir', default='./result')
    main(parser.parse_args())
