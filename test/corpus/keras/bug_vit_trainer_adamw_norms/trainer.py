# Idiom seen in: kamalkraj/Vision-Transformer trainer.py
# What it reproduces: the minGPT-style TrainerConfig / Trainer with a distribution strategy and a nested
#   step_fn run by strategy.run. The user switches Adam for tf.keras AdamW with the config's weight_decay
#   and no exclude_from_weight_decay: LayerNorm scales/offsets, biases and the embeddings decay too.
import logging
import math

import tensorflow as tf

logger = logging.getLogger(__name__)


class TrainerConfig:
    max_epochs = 10
    batch_size = 64
    learning_rate = 1e-3
    weight_decay = 0.1
    ckpt_path = None

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)


class Trainer:
    def __init__(self, model, model_config, train_dataset, train_dataset_len, config):
        self.train_dataset = train_dataset.batch(config.batch_size)
        self.train_dataset_len = train_dataset_len
        self.config = config
        self.strategy = tf.distribute.OneDeviceStrategy('GPU:0')
        if len(tf.config.list_physical_devices('GPU')) > 1:
            self.strategy = tf.distribute.MirroredStrategy()
        with self.strategy.scope():
            self.model = model(**model_config)
            self.optimizer = tf.keras.optimizers.AdamW(learning_rate=config.learning_rate,
                                                       weight_decay=config.weight_decay)  # expect: WD203
            self.cce = tf.keras.losses.SparseCategoricalCrossentropy(
                from_logits=True, reduction=tf.keras.losses.Reduction.NONE)
            self.train_dist_dataset = self.strategy.experimental_distribute_dataset(self.train_dataset)

    def train(self):
        train_loss_metric = tf.keras.metrics.Mean('training_loss', dtype=tf.float32)

        @tf.function
        def train_step(dist_inputs):
            def step_fn(inputs):
                X, Y = inputs
                with tf.GradientTape() as tape:
                    logits = self.model(X, training=True)
                    cross_entropy = self.cce(Y, logits)
                    loss = tf.reduce_sum(cross_entropy) * (1.0 / self.config.batch_size)
                grads = tape.gradient(loss, self.model.trainable_variables)
                self.optimizer.apply_gradients(list(zip(grads, self.model.trainable_variables)))
                return cross_entropy

            per_example_losses = self.strategy.run(step_fn, args=(dist_inputs,))
            sum_loss = self.strategy.reduce(tf.distribute.ReduceOp.SUM, per_example_losses, axis=0)
            return sum_loss / self.config.batch_size

        steps = math.ceil(float(self.train_dataset_len) / float(self.config.batch_size))
        with self.strategy.scope():
            for epoch in range(self.config.max_epochs):
                for inputs in self.train_dist_dataset:
                    train_loss_metric(train_step(inputs))
                logger.info('epoch %d (%d steps): train loss %.5f', epoch + 1, steps, train_loss_metric.result())
                train_loss_metric.reset_states()
                if self.config.ckpt_path is not None:
                    self.model.save_weights(self.config.ckpt_path)
