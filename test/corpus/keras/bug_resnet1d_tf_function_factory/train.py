# Idiom seen in: rosdyana/keras-resnet keras_resnet/models/_1d.py
# What it reproduces: make_train_step(model, optimizer, loss_fn) returns a tf.function whose tape loss is the
# cross entropy only; model.losses (the l2 terms of model.py) never reach tape.gradient (WD103 in model.py).
import argparse
import tensorflow as tf

from model import ResNet1D18
from signals import load_ecg_dataset


def make_train_step(model, optimizer, loss_fn, train_acc):
    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss = loss_fn(y, logits)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        train_acc.update_state(y, logits)
        return loss
    return train_step


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=40)
    parser.add_argument('--lr', type=float, default=0.05)
    parser.add_argument('--weight-decay', type=float, default=1e-4)
    args = parser.parse_args()

    train_ds, num_classes, length = load_ecg_dataset('train', batch_size=64)
    model = ResNet1D18((length, 1), num_classes, weight_decay=args.weight_decay)
    optimizer = tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9)
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    train_acc = tf.keras.metrics.SparseCategoricalAccuracy()
    train_step = make_train_step(model, optimizer, loss_fn, train_acc)

    for epoch in range(args.epochs):
        train_acc.reset_states()
        for x, y in train_ds:
            loss = train_step(x, y)
        print('epoch %d loss %.4f acc %.4f' % (epoch, float(loss), float(train_acc.result())))


if __name__ == '__main__':
    main()
