# Idiom seen in: sayakpaul/Adaptive-Gradient-Clipping AGC.ipynb
# What it reproduces: AGCModel wraps the mini VGG and overrides train_step; the tape's loss is
#   self.compiled_loss(labels, predictions, regularization_losses=self.mini_vgg.losses), so the l2 terms are
#   differentiated before clipping (clean).
import time

import tensorflow as tf

import agc
import dataloader
import models


class AGCModel(tf.keras.Model):
    def __init__(self, mini_vgg, clip_factor=0.01, eps=1e-3):
        super(AGCModel, self).__init__()
        self.mini_vgg = mini_vgg
        self.clip_factor = clip_factor
        self.eps = eps

    def train_step(self, data):
        images, labels = data
        with tf.GradientTape() as tape:
            predictions = self.mini_vgg(images, training=True)
            loss = self.compiled_loss(labels, predictions, regularization_losses=self.mini_vgg.losses)
        trainable_params = self.mini_vgg.trainable_variables
        gradients = tape.gradient(loss, trainable_params)
        agc_gradients = agc.adaptive_clip_grad(trainable_params, gradients,
                                               clip_factor=self.clip_factor, eps=self.eps)
        self.optimizer.apply_gradients(zip(agc_gradients, trainable_params))
        self.compiled_metrics.update_state(labels, predictions)
        return {m.name: m.result() for m in self.metrics}

    def test_step(self, data):
        images, labels = data
        predictions = self.mini_vgg(images, training=False)
        self.compiled_loss(labels, predictions, regularization_losses=self.mini_vgg.losses)
        self.compiled_metrics.update_state(labels, predictions)
        return {m.name: m.result() for m in self.metrics}

    def call(self, inputs, *args, **kwargs):
        return self.mini_vgg(inputs)


strategy = tf.distribute.MirroredStrategy()
BATCH_SIZE = 64 * strategy.num_replicas_in_sync
train_ds, validation_ds, train_steps = dataloader.get_datasets(batch_size=BATCH_SIZE, validation_split=0.15)

with strategy.scope():
    model = AGCModel(models.get_mini_vgg(use_bn=False, weight_decay=5e-4))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

start = time.time()
history = model.fit(train_ds, steps_per_epoch=train_steps, validation_data=validation_ds,
                    callbacks=[tf.keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)],
                    epochs=100)
print(f"Total training time: {(time.time() - start) / 60.} minutes")
