# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/residual_block.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/resnet.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet train.py
# What it reproduces: the repo's subclassed ResNet gets kernel_regularizer=l2(config.WEIGHT_DECAY) on
# its convs and classifier (a user addition in this idiom), but the @tf.function train_step keeps the
# repo's loss = loss_object(labels, predictions): model.losses never reaches tape.gradient.
from __future__ import absolute_import, division, print_function
import math

import tensorflow as tf

import config
from prepare_data import generate_datasets
from resnet import resnet_18, resnet_34


def get_model():
    model = resnet_18()
    if config.model == "resnet34":
        model = resnet_34()
    model.build(input_shape=(None, config.image_height, config.image_width, config.channels))
    model.summary()
    return model


if __name__ == '__main__':
    gpus = tf.config.experimental.list_physical_devices('GPU')
    if gpus:
        for gpu in gpus:
            tf.config.experimental.set_memory_growth(gpu, True)

    train_dataset, valid_dataset, test_dataset, train_count, valid_count, test_count = generate_datasets()

    model = get_model()

    loss_object = tf.keras.losses.SparseCategoricalCrossentropy()
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)

    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')
    valid_loss = tf.keras.metrics.Mean(name='valid_loss')
    valid_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='valid_accuracy')

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            predictions = model(images, training=True)
            loss = loss_object(y_true=labels, y_pred=predictions)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(grads_and_vars=zip(gradients, model.trainable_variables))
        train_loss(loss)
        train_accuracy(labels, predictions)

    @tf.function
    def valid_step(images, labels):
        predictions = model(images, training=False)
        v_loss = loss_object(labels, predictions)
        valid_loss(v_loss)
        valid_accuracy(labels, predictions)

    for epoch in range(config.EPOCHS):
        train_loss.reset_states()
        train_accuracy.reset_states()
        valid_loss.reset_states()
        valid_accuracy.reset_states()
        step = 0
        for images, labels in train_dataset:
            step += 1
            train_step(images, labels)
            print("Epoch: {}/{}, step: {}/{}, loss: {:.5f}, accuracy: {:.5f}".format(
                epoch + 1, config.EPOCHS, step, math.ceil(train_count / config.BATCH_SIZE),
                train_loss.result(), train_accuracy.result()))
        for valid_images, valid_labels in valid_dataset:
            valid_step(valid_images, valid_labels)
        print("Epoch: {}/{}, valid loss: {:.5f}, valid accuracy: {:.5f}".format(
            epoch + 1, config.EPOCHS, valid_loss.result(), valid_accuracy.result()))

    model.save_weights(filepath=config.save_model_dir, save_format='tf')
