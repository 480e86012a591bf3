# Idiom seen in: google/uncertainty-baselines uncertainty_baselines/models/wide_resnet.py
# Idiom seen in: google/uncertainty-baselines baselines/cifar/deterministic.py
# What it reproduces: wide_resnet(l2=FLAGS.l2) puts l2 regularizers on conv/dense kernels and BN gamma/beta; the
# strategy step adds l2_loss = sum(model.losses) to the NLL inside the tape before tape.gradient (clean).
import tensorflow as tf
import tensorflow_datasets as tfds
from absl import app, flags, logging

from wide_resnet import wide_resnet

flags.DEFINE_integer('per_core_batch_size', 64, 'Batch size per TPU core/GPU.')
flags.DEFINE_float('base_learning_rate', 0.1, 'Base learning rate when total batch size is 128.')
flags.DEFINE_float('l2', 2e-4, 'L2 regularization coefficient.')
flags.DEFINE_integer('train_epochs', 200, 'Number of training epochs.')
FLAGS = flags.FLAGS


def main(argv):
    del argv
    strategy = tf.distribute.MirroredStrategy()
    batch_size = FLAGS.per_core_batch_size * strategy.num_replicas_in_sync
    train_dataset = tfds.load('cifar10', split='train', as_supervised=True).batch(batch_size)
    train_dataset = strategy.experimental_distribute_dataset(train_dataset)
    steps_per_epoch = 50000 // batch_size

    with strategy.scope():
        model = wide_resnet(input_shape=(32, 32, 3), depth=28, width_multiplier=10, num_classes=10, l2=FLAGS.l2)
        optimizer = tf.keras.optimizers.SGD(FLAGS.base_learning_rate, momentum=0.9, nesterov=True)
        metrics = {'train/negative_log_likelihood': tf.keras.metrics.Mean(),
                   'train/loss': tf.keras.metrics.Mean()}

    @tf.function
    def train_step(iterator):
        def step_fn(inputs):
            images, labels = inputs
            images = tf.cast(images, tf.float32) / 255.
            with tf.GradientTape() as tape:
                logits = model(images, training=True)
                negative_log_likelihood = tf.reduce_mean(
                    tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
                l2_loss = sum(model.losses)
                loss = negative_log_likelihood + l2_loss
                scaled_loss = loss / strategy.num_replicas_in_sync
            grads = tape.gradient(scaled_loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            metrics['train/negative_log_likelihood'].update_state(negative_log_likelihood)
            metrics['train/loss'].update_state(loss)
        strategy.run(step_fn, args=(next(iterator),))

    train_iterator = iter(train_dataset)
    for epoch in range(FLAGS.train_epochs):
        for _ in range(steps_per_epoch):
            train_step(train_iterator)
        logging.info('Epoch %d: loss %.4f', epoch, metrics['train/loss'].result())


if __name__ == '__main__':
    app.run(main)
