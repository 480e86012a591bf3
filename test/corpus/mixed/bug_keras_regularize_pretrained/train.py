# Idiom seen in: JacobARose/pyleaves pyleaves/base/base_model.py (the commented-out train_step that adds self.losses to the loss)
# What it reproduces: a custom loop that correctly adds sum(model.losses); the list is empty because the regularizers were attached after the model was built (WD106 labelled in base_model.py).
import argparse

import tensorflow as tf

from base_model import BaseModel
from leaves_data import load_dataset  # not in this folder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--num_classes', type=int, default=32)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--l2', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=20)
    parser.add_argument('--batch_size', type=int, default=32)
    args = parser.parse_args()

    config = {'num_classes': args.num_classes, 'weights': 'imagenet',
              'input_shape': (224, 224, 3), 'lr': args.lr,
              'regularization': {'l2': args.l2}}
    model = BaseModel(config).build_model()

    train_ds, val_ds = load_dataset(batch_size=args.batch_size)
    optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    train_acc = tf.keras.metrics.SparseCategoricalAccuracy()

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = loss_fn(labels, logits) + tf.reduce_sum(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        train_acc.update_state(labels, logits)
        return loss

    for epoch in range(args.epochs):
        train_acc.reset_states()
        for images, labels in train_ds:
            loss = train_step(images, labels)
        print('epoch %d loss %.4f acc %.3f' % (epoch, float(loss), float(train_acc.result())))


if __name__ == '__main__':
    main()
