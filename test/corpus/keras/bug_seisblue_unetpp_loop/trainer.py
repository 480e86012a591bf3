# Idiom seen in: SeisBlue/SeisBlue seisblue/model/generator.py
# Idiom seen in: SeisBlue/SeisBlue seisblue/model/trainer.py
# What it reproduces: seismic phase picking with a UNet++ (nest_net) whose _standard_unit Conv2Ds carry
#   kernel_regularizer=l2(1e-4); GeneratorTrainer compiles the model but trains it in its own @tf.function train_step,
#   where tape.gradient sees only BinaryCrossentropy(label, pred), never model.losses (real bug).
import os

import tensorflow as tf

from generator import nest_net
import seisblue.io
import seisblue.utils


class GeneratorTrainer:
    def __init__(self, database=None, model=nest_net(),
                 optimizer=tf.keras.optimizers.Adam(1e-4),
                 loss=tf.keras.losses.BinaryCrossentropy()):
        self.database = database
        self.model = model
        self.optimizer = optimizer
        self.loss = loss
        self.train_acc_metric = tf.keras.metrics.BinaryCrossentropy()
        self.val_acc_metric = tf.keras.metrics.BinaryCrossentropy()
        self.model.compile(optimizer=self.optimizer, loss=self.loss)

    @tf.function
    def train_step(self, train):
        with tf.GradientTape(persistent=True) as tape:
            train_pred = self.model(train['trace'], training=True)
            train_loss = self.loss(train['label'], train_pred)
        gradients = tape.gradient(train_loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        self.train_acc_metric.update_state(train['label'], train_pred)
        return train_loss

    @tf.function
    def val_step(self, val):
        val_pred = self.model(val['trace'], training=False)
        self.val_acc_metric.update_state(val['label'], val_pred)

    def train_loop(self, tfr_list, model_name, epochs=1, batch_size=1, log_step=100):
        config = seisblue.utils.Config()
        model_path = os.path.join(config.models, model_name)
        ckpt = tf.train.Checkpoint(model=self.model, optimizer=self.optimizer)
        ckpt_manager = tf.train.CheckpointManager(ckpt, model_path, max_to_keep=100)
        if ckpt_manager.latest_checkpoint:
            ckpt.restore(ckpt_manager.latest_checkpoint)

        dataset = seisblue.io.parse_dataset(tf.data.TFRecordDataset(tfr_list))
        dataset_validation = dataset.take(1000)
        dataset_train = dataset.skip(1000)
        for epoch in range(epochs):
            progbar = tf.keras.utils.Progbar(None, stateful_metrics=['train_loss'])
            for n, train in enumerate(dataset_train.prefetch(100).shuffle(50000).batch(batch_size)):
                train_loss = self.train_step(train)
                progbar.add(batch_size, values=[('train_loss', train_loss.numpy())])
            for val in dataset_validation.batch(256):
                self.val_step(val)
            print(f'train_loss = {float(self.train_acc_metric.result()):.3f}, '
                  f'val_loss = {float(self.val_acc_metric.result()):.3f}')
            self.train_acc_metric.reset_states()
            self.val_acc_metric.reset_states()
            print(f'Saving checkpoint to {ckpt_manager.save()}')


if __name__ == '__main__':
    config = seisblue.utils.Config()
    tfr_list = seisblue.utils.get_dir_list(os.path.join(config.tfrecord, 'HL2017'), suffix='.tfrecord')
    trainer = GeneratorTrainer()
    trainer.train_loop(tfr_list, 'HL2017_nestnet', epochs=10, batch_size=32)
