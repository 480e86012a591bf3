# Idiom seen in: google/uncertainty-baselines baselines/cifar/mimo.py
# What it reproduces: the MIMO train_step computes FLAGS.l2 * l2 over kernels/BN/biases inside the tape, but the
# loss it differentiates is the NLL alone; the L2 term only reaches metrics['train/loss'].update_state.
import os

import tensorflow as tf
import tensorflow_datasets as tfds
import uncertainty_baselines as ub
from absl import app, flags, logging

flags.DEFINE_integer('ensemble_size', 3, 'Size of ensemble.')
flags.DEFINE_integer('per_core_batch_size', 64, 'Batch size per TPU core/GPU.')
flags.DEFINE_float('base_learning_rate', 0.1, 'Base learning rate when total batch size is 128.')
flags.DEFINE_float('l2', 3e-4, 'L2 coefficient.')
flags.DEFINE_integer('width_multiplier', 10, 'Integer to multiply the number of typical filters by.')
flags.DEFINE_integer('train_epochs', 250, 'Number of training epochs.')
flags.DEFINE_string('output_dir', '/tmp/cifar', 'The directory where the model weights are stored.')
FLAGS = flags.FLAGS


def main(argv):
    del argv
    strategy = tf.distribute.MirroredStrategy()
    batch_size = FLAGS.per_core_batch_size * strategy.num_replicas_in_sync
    train_dataset = ub.datasets.get('cifar10', split=tfds.Split.TRAIN).load(batch_size=batch_size)
    train_dataset = strategy.experimental_distribute_dataset(train_dataset)

    with strategy.scope():
        model = ub.models.wide_resnet_mimo(input_shape=(FLAGS.ensemble_size, 32, 32, 3), depth=28,
                                           width_multiplier=FLAGS.width_multiplier, num_classes=10,
                                           ensemble_size=FLAGS.ensemble_size)
        optimizer = tf.keras.optimizers.SGD(FLAGS.base_learning_rate, momentum=0.9, nesterov=True)
        metrics = {
            'train/negative_log_likelihood': tf.keras.metrics.Mean(),
            'train/accuracy': tf.keras.metrics.SparseCategoricalAccuracy(),
            'train/loss': tf.keras.metrics.Mean(),
        }

    @tf.function
    def train_step(iterator):
        def step_fn(inputs):
            images = inputs['features']
            labels = inputs['labels']
            images = tf.stack([images] * FLAGS.ensemble_size, axis=1)
            labels = tf.stack([labels] * FLAGS.ensemble_size, axis=1)
            with tf.GradientTape() as tape:
                logits = model(images, training=True)
                negative_log_likelihood = tf.reduce_mean(tf.reduce_sum(
                    tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True), axis=1))
                filtered_variables = []
                for var in model.trainable_variables:
                    if 'kernel' in var.name or 'batch_norm' in var.name or 'bias' in var.name:
                        filtered_variables.append(tf.reshape(var, (-1,)))
                l2_loss = FLAGS.l2 * 2 * tf.nn.l2_loss(tf.concat(filtered_variables, axis=0))  # expect: WD104
                loss = negative_log_likelihood
                scaled_loss = loss / strategy.num_replicas_in_sync
            grads = tape.gradient(scaled_loss, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
            metrics['train/negative_log_likelihood'].update_state(negative_log_likelihood)
            metrics['train/loss'].update_state(loss + l2_loss)
            metrics['train/accuracy'].update_state(labels, logits)
        strategy.run(step_fn, args=(next(iterator),))

    train_iterator = iter(train_dataset)
    for epoch in range(FLAGS.train_epochs):
        for _ in range(50000 // batch_size):
            train_step(train_iterator)
        logging.info('Epoch %d loss %.4f', epoch, metrics['train/loss'].result())
    model.save(os.path.join(FLAGS.output_dir, 'model'))


if __name__ == '__main__':
    app.run(main)
