# Idiom seen in: repository not resolved by the code index (index file id 2402642550: class WideAndDeepTFRS(tfrs.Model)
#   with a two-optimizer train_step, and class WideAndDeep(WideAndDeepTFRS) with a regularized LinearModel)
# What it reproduces: a TFRS ranking model with a wide part (tf.keras.experimental.LinearModel with an l2 kernel
#   regularizer) and a deep part, each updated by its own optimizer. train_step sums self.losses into
#   regularization_loss and total_loss, but the tape differentiates `loss` (the task loss): total_loss and the
#   regularization term only reach the returned metrics.
# label-note: WD105 on the line that sums self.losses: the model's losses are read and summed, but that sum is not
#   what the optimizers minimize. WD103 is not labelled separately: the same defect, seen from the collection side.
from typing import Dict, Text

import tensorflow as tf
import tensorflow_recommenders as tfrs

from models.layers import DNNLayer


class WideAndDeepTFRS(tfrs.Model):
    def train_step(self, inputs):
        with tf.GradientTape() as tape:
            loss = self.compute_loss(inputs, training=True)
            # Handle regularization losses as well.
            regularization_loss = sum(self.losses)  # expect: WD105
            total_loss = loss + regularization_loss

            linear_vars = self.wide.trainable_variables
            dnn_vars = self.deep.trainable_variables + self.deep_emb.trainable_variables
            linear_grads, dnn_grads = tape.gradient(loss, (linear_vars, dnn_vars))

            linear_optimizer = self.optimizer[0]
            dnn_optimizer = self.optimizer[1]
            linear_optimizer.apply_gradients(zip(linear_grads, linear_vars))
            dnn_optimizer.apply_gradients(zip(dnn_grads, dnn_vars))

        metrics = {metric.name: metric.result() for metric in self.metrics}
        metrics["loss"] = loss
        metrics["regularization_loss"] = regularization_loss
        metrics["total_loss"] = total_loss
        return metrics


class WideAndDeep(WideAndDeepTFRS):
    def __init__(self, hparams, deep_emb: tf.keras.Model, wide_emb: tf.keras.Model):
        super().__init__()
        self.hparams = hparams
        self.deep_emb = deep_emb
        self.wide_emb = wide_emb
        self.task = tfrs.tasks.Ranking(
            loss=tf.keras.losses.BinaryCrossentropy(),
            metrics=[tf.keras.metrics.BinaryCrossentropy(), tf.keras.metrics.AUC()])
        self.wide = tf.keras.experimental.LinearModel(
            kernel_regularizer=tf.keras.regularizers.l2(l2=hparams.wide_l2))
        self.deep = DNNLayer(hidden_units=hparams.hidden_units, output_logits=True)
        self.activation = tf.keras.layers.Activation("sigmoid")

    def call(self, features: Dict[Text, tf.Tensor], training=False) -> tf.Tensor:
        return self.activation(self.deep(self.deep_emb(features), training=training)
                               + self.wide(self.wide_emb(features), training=training))

    def compute_loss(self, features: Dict[Text, tf.Tensor], training=False) -> tf.Tensor:
        labels = tf.expand_dims(tf.where(features[self.hparams.label] > 3, 1, 0), axis=-1)
        return self.task(labels=labels, predictions=self(features, training=training), training=training)
