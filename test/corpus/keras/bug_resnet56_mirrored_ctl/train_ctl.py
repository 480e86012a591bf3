# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/worker.py
# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/resnet.py
# What it reproduces: MirroredStrategy custom training loop (strategy.run, tf.nn.compute_average_loss) for the
# regularized ResNet56 of resnet.py; the per-replica loss is the cross entropy only, model.losses is never added.
import tensorflow as tf
from tensorflow import keras

import resnet

NUM_GPUS = 2
BS_PER_GPU = 128
GLOBAL_BATCH_SIZE = BS_PER_GPU * NUM_GPUS
NUM_EPOCHS = 60
HEIGHT, WIDTH, NUM_CHANNELS = 32, 32, 3
NUM_CLASSES = 10
BASE_LEARNING_RATE = 0.1


def normalize(x, y):
    return tf.image.per_image_standardization(x), y


def augmentation(x, y):
    x = tf.image.resize_with_crop_or_pad(x, HEIGHT + 8, WIDTH + 8)
    x = tf.image.random_crop(x, [HEIGHT, WIDTH, NUM_CHANNELS])
    return tf.image.random_flip_left_right(x), y


strategy = tf.distribute.MirroredStrategy()

(x, y), (x_test, y_test) = keras.datasets.cifar10.load_data()
train_dataset = (tf.data.Dataset.from_tensor_slices((x, y)).map(augmentation).map(normalize)
                 .shuffle(50000).batch(GLOBAL_BATCH_SIZE, drop_remainder=True))
train_dist_dataset = strategy.experimental_distribute_dataset(train_dataset)

with strategy.scope():
    img_input = tf.keras.layers.Input(shape=(HEIGHT, WIDTH, NUM_CHANNELS))
    model = resnet.resnet56(img_input=img_input, classes=NUM_CLASSES)
    optimizer = keras.optimizers.SGD(learning_rate=BASE_LEARNING_RATE, momentum=0.9)
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(reduction=tf.keras.losses.Reduction.NONE)
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')


def compute_loss(labels, predictions):
    per_example_loss = loss_object(labels, predictions)
    return tf.nn.compute_average_loss(per_example_loss, global_batch_size=GLOBAL_BATCH_SIZE)


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


for epoch in range(NUM_EPOCHS):
    total_loss, num_batches = 0.0, 0
    for batch in train_dist_dataset:
        total_loss += distributed_train_step(batch)
        num_batches += 1
    print('Epoch {}, Loss: {}, Accuracy: {}'.format(epoch + 1, total_loss / num_batches,
                                                      train_accuracy.result() * 100))
    train_accuracy.reset_states()
