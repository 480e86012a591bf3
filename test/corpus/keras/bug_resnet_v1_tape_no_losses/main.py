# Idiom seen in: SunDoge/tf2-cifar main.py
# Idiom seen in: SunDoge/tf2-cifar models/keras_resnet_functional.py
# What it reproduces: the real repository's bug: the Keras-example resnet_v1 builder gives every Conv2D kernel_regularizer=l2(1e-4),
#   but main.py trains it in a @tf.function GradientTape step whose loss is criterion(labels, output) alone (no model.losses).
import numpy as np
import tensorflow as tf

from keras_resnet_functional import resnet_v1

BATCH_SIZE = 128
NUM_EPOCHS = 200


def prepare_cifar(x, y, split):
    if split == 'train':
        x = tf.image.resize_with_crop_or_pad(x, 40, 40)
        x = tf.image.random_crop(x, [32, 32, 3])
        x = tf.image.random_flip_left_right(x)
    x = tf.cast(x, tf.float32) / 255.
    x = (x - (0.4914, 0.4822, 0.4465)) / (0.2023, 0.1994, 0.2010)
    return x, y


def build_dataset(images, labels, split):
    ds = tf.data.Dataset.from_tensor_slices((images, labels.squeeze()))
    if split == 'train':
        ds = ds.shuffle(len(labels))
    ds = ds.map(lambda x, y: prepare_cifar(x, y, split), num_parallel_calls=-1)
    return ds.batch(BATCH_SIZE).prefetch(-1)


def get_datasets(name='cifar10'):
    cifar = getattr(tf.keras.datasets, name)
    (x_train, y_train), (x_test, y_test) = cifar.load_data()
    return build_dataset(x_train, y_train, 'train'), build_dataset(x_test, y_test, 'test')


@tf.function
def train_step(model, images, labels, criterion, optimizer):
    with tf.GradientTape() as tape:
        output = model(images, training=True)
        loss = criterion(labels, output)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return output, loss


@tf.function
def test_step(model, images, labels, criterion):
    output = model(images, training=False)
    return output, criterion(labels, output)


def train(model, ds, criterion, optimizer, loss_meter, acc_meter):
    for i, (images, labels) in enumerate(ds):
        output, loss = train_step(model, images, labels, criterion, optimizer)
        loss_meter(loss)
        acc_meter(labels, output)


def test(model, ds, criterion, loss_meter, acc_meter):
    for images, labels in ds:
        output, loss = test_step(model, images, labels, criterion)
        loss_meter(loss)
        acc_meter(labels, output)


def main():
    train_ds, test_ds = get_datasets()
    model = resnet_v1((32, 32, 3), 20)
    criterion = tf.keras.losses.SparseCategoricalCrossentropy()
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)

    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_acc = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')
    test_loss = tf.keras.metrics.Mean(name='test_loss')
    test_acc = tf.keras.metrics.SparseCategoricalAccuracy(name='test_accuracy')

    for epoch in range(NUM_EPOCHS):
        train(model, train_ds, criterion, optimizer, train_loss, train_acc)
        test(model, test_ds, criterion, test_loss, test_acc)
        print(f'Epoch [{epoch}] loss: {test_loss.result()} acc: {test_acc.result() * 100}%')
        for m in (train_loss, train_acc, test_loss, test_acc):
            m.reset_states()
        model.save('checkpoint.h5')


if __name__ == '__main__':
    main()
