# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/worker.py
# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/resnet.py
# What it reproduces: MirroredStrategy custom loop for the regularized ResNet56: compute_loss averages the
# cross entropy over the global batch and adds tf.nn.scale_regularization_loss(tf.add_n(model.losses)), inside
# the tape (clean).
import tensorflow as tf
from tensorflow import keras

import config
import resnet
from cifar_input import build_train_dataset

GLOBAL_BATCH_SIZE = config.BS_PER_GPU * config.NUM_GPUS


def schedule(epoch):
    learning_rate = config.BASE_LEARNING_RATE * config.BS_PER_GPU / 128
    for mult, start_epoch in config.LR_SCHEDULE:
        if epoch >= start_epoch:
            learning_rate = config.BASE_LEARNING_RATE * mult
    return learning_rate


strategy = tf.distribute.MirroredStrategy()
train_dist_dataset = strategy.experimental_distribute_dataset(build_train_dataset(GLOBAL_BATCH_SIZE))

with strategy.scope():
    img_input = tf.keras.layers.Input(shape=(config.HEIGHT, config.WIDTH, config.NUM_CHANNELS))
    model = resnet.resnet56(img_input=img_input, classes=config.NUM_CLASSES)
    optimizer = keras.optimizers.SGD(learning_rate=config.BASE_LEARNING_RATE, momentum=0.9)
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(reduction=tf.keras.losses.Reduction.NONE)
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')


def compute_loss(labels, predictions):
    per_example_loss = loss_object(labels, predictions)
    loss = tf.nn.compute_average_loss(per_example_loss, global_batch_size=GLOBAL_BATCH_SIZE)
    loss += tf.nn.scale_regularization_loss(tf.add_n(model.losses))
    return loss


def train_step(inputs):
    images, labels = inputs
    with tf.GradientTape() as tape:
        predictions = model(images, training=True)
        loss = compute_loss(labels, predictions)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_accuracy.update_state(labels, predictions)
    return loss


@tf.function
def distributed_train_step(dataset_inputs):
    per_replica_losses = strategy.run(train_step, args=(dataset_inputs,))
    return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica_losses, axis=None)


for epoch in range(config.NUM_EPOCHS):
    optimizer.learning_rate.assign(schedule(epoch))
    total_loss, num_batches = 0.0, 0
    for batch in train_dist_dataset:
        total_loss += distributed_train_step(batch)
        num_batches += 1
    print('Epoch {}, Loss: {}, Accuracy: {}'.format(epoch + 1, total_loss / num_batches,
                                                      train_accuracy.result() * 100))
    train_accuracy.reset_states()
