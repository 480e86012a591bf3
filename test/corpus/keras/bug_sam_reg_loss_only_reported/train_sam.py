# Idiom seen in: sayakpaul/Sharpness-Aware-Minimization-TensorFlow SAM.ipynb
# What it reproduces: SAMModel.train_step (two tapes, compiled_loss without regularization_losses) plus a user
#   edit that sums self.resnet_model.losses only to report it: the sum never reaches either tape, so the
#   l2 regularizers do nothing (realistic mistake).
import tensorflow as tf

import utils
from data import get_cifar10_datasets


class SAMModel(tf.keras.Model):
    def __init__(self, resnet_model, rho=0.05):
        super(SAMModel, self).__init__()
        self.resnet_model = resnet_model
        self.rho = rho

    def train_step(self, data):
        (images, labels) = data
        e_ws = []
        with tf.GradientTape() as tape:
            predictions = self.resnet_model(images)
            loss = self.compiled_loss(labels, predictions)
        trainable_params = self.resnet_model.trainable_variables
        gradients = tape.gradient(loss, trainable_params)
        grad_norm = self._grad_norm(gradients)
        scale = self.rho / (grad_norm + 1e-12)
        for (grad, param) in zip(gradients, trainable_params):
            e_w = grad * scale
            param.assign_add(e_w)
            e_ws.append(e_w)

        with tf.GradientTape() as tape:
            predictions = self.resnet_model(images)
            loss = self.compiled_loss(labels, predictions)
        sam_gradients = tape.gradient(loss, trainable_params)
        for (param, e_w) in zip(trainable_params, e_ws):
            param.assign_sub(e_w)
        self.optimizer.apply_gradients(zip(sam_gradients, trainable_params))

        reg_loss = tf.add_n(self.resnet_model.losses)  # expect: WD105
        self.compiled_metrics.update_state(labels, predictions)
        results = {m.name: m.result() for m in self.metrics}
        results["reg_loss"] = reg_loss
        return results

    def test_step(self, data):
        (images, labels) = data
        predictions = self.resnet_model(images, training=False)
        self.compiled_loss(labels, predictions)
        self.compiled_metrics.update_state(labels, predictions)
        return {m.name: m.result() for m in self.metrics}

    def _grad_norm(self, gradients):
        return tf.norm(tf.stack([tf.norm(grad) for grad in gradients if grad is not None]))


train_ds, test_ds = get_cifar10_datasets(batch_size=128)
strategy = tf.distribute.MirroredStrategy()
with strategy.scope():
    model = SAMModel(utils.get_training_model(weight_decay=1e-4))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
train_callbacks = [tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True)]
history = model.fit(train_ds, validation_data=test_ds, callbacks=train_callbacks, epochs=200)
