# Idiom seen in: google/deepvariant deepvariant/train.py
# Idiom seen in: google/deepvariant deepvariant/dv_config.py
# What it reproduces: absl entry point with a MirroredStrategy custom loop; compute_loss adds
#   tf.nn.scale_regularization_loss(tf.add_n(model.losses)) to the averaged loss inside the tape, and
#   the Keras optimizer is built with weight_decay=config.optimizer_weight_decay, which is 0.0: clean.
from absl import app
from absl import flags
from absl import logging
import tensorflow as tf

import data_providers
import dv_config
import keras_modeling

_EXPERIMENT_DIR = flags.DEFINE_string('experiment_dir', None, 'Where checkpoints and summaries go.')
_CONFIG = flags.DEFINE_string('config', 'wgs', 'Config name.')


def train(config):
    strategy = tf.distribute.MirroredStrategy()
    steps_per_epoch = 1000
    with strategy.scope():
        model = keras_modeling.inceptionv3(input_shape=(100, 221, 7), config=config)
        learning_rate = tf.keras.optimizers.schedules.ExponentialDecay(
            initial_learning_rate=config.learning_rate,
            decay_steps=int(steps_per_epoch * config.learning_rate_num_epochs_per_decay),
            decay_rate=config.learning_rate_decay_rate, staircase=True)
        if config.optimizer == 'rmsprop':
            optimizer = tf.keras.optimizers.RMSprop(
                learning_rate=learning_rate, rho=config.rho, momentum=config.momentum,
                epsilon=config.epsilon, use_ema=config.use_ema, ema_momentum=config.ema_momentum,
                weight_decay=config.optimizer_weight_decay)
        elif config.optimizer == 'sgd':
            optimizer = tf.keras.optimizers.SGD(
                learning_rate=learning_rate, nesterov=True, momentum=config.momentum,
                use_ema=config.use_ema, ema_momentum=config.ema_momentum,
                weight_decay=config.optimizer_weight_decay)
        else:
            raise ValueError(f'Unknown optimizer: {config.optimizer}')

        loss_function = tf.keras.losses.CategoricalCrossentropy(
            label_smoothing=config.label_smoothing, reduction=tf.keras.losses.Reduction.NONE)

        def compute_loss(probabilities, labels, sample_weight, model_losses):
            per_example_loss = loss_function(y_pred=probabilities, y_true=labels, sample_weight=sample_weight)
            loss = tf.nn.compute_average_loss(per_example_loss, sample_weight=sample_weight)
            if model_losses:
                loss += tf.nn.scale_regularization_loss(tf.add_n(model_losses))
            return loss

    @tf.function
    def distributed_train_step(iterator, num_steps):
        def run_train_step(inputs):
            model_input, labels, sample_weight = inputs
            labels = tf.squeeze(tf.one_hot(labels, keras_modeling.NUM_CLASSES))
            with tf.GradientTape() as tape:
                probabilities = model(model_input, training=True)
                loss = compute_loss(probabilities=probabilities, labels=labels,
                                    sample_weight=sample_weight, model_losses=model.losses)
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            return loss * strategy.num_replicas_in_sync

        for _ in tf.range(num_steps):
            strategy.run(run_train_step, args=(next(iterator),))

    train_ds = iter(data_providers.input_fn(config, mode='train', strategy=strategy))
    for epoch in range(config.num_epochs):
        distributed_train_step(train_ds, tf.constant(steps_per_epoch))
        logging.info('finished epoch %d', epoch)
    model.save_weights(f'{_EXPERIMENT_DIR.value}/checkpoints/final')


def main(unused_argv):
    train(dv_config.get_config(_CONFIG.value))


if __name__ == '__main__':
    app.run(main)
