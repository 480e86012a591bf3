# Idiom seen in: TensorSpeech/TensorFlowASR tensorflow_asr/models/keras/ctc.py
# Idiom seen in: TensorSpeech/TensorFlowASR tensorflow_asr/models/keras/conformer.py
# What it reproduces: the repository's Keras CTC wrapper: compile() installs a CtcLoss and train_step is
# overridden with loss = self.loss(y_true, y_pred) inside the tape; self.losses (the L2 terms of every
# regularized layer) is never added, so fit() trains this model without its regularizers.
import tensorflow as tf
from tensorflow.keras import mixed_precision as mxp

from conformer import BaseConformerCtc
from tensorflow_asr.losses.keras.ctc_losses import CtcLoss
from tensorflow_asr.utils.utils import get_reduced_length


class ConformerCtc(BaseConformerCtc):
    """ Keras CTC Model Wrapper """

    @property
    def metrics(self):
        return [self.loss_metric]

    def compile(self, optimizer, global_batch_size, blank=0, use_loss_scale=False, run_eagerly=None,
                **kwargs):
        loss = CtcLoss(blank=blank, global_batch_size=global_batch_size)
        self.use_loss_scale = use_loss_scale
        if self.use_loss_scale:
            optimizer = mxp.LossScaleOptimizer(tf.keras.optimizers.get(optimizer))
        self.loss_metric = tf.keras.metrics.Mean(name="ctc_loss", dtype=tf.float32)
        super(ConformerCtc, self).compile(optimizer=optimizer, loss=loss, run_eagerly=run_eagerly,
                                          **kwargs)

    def train_step(self, batch):
        x, y_true = batch
        with tf.GradientTape() as tape:
            logit = self(x["input"], training=True)
            y_pred = {
                "logit": logit,
                "logit_length": get_reduced_length(x["input_length"], self.time_reduction_factor)
            }
            loss = self.loss(y_true, y_pred)
            if self.use_loss_scale:
                scaled_loss = self.optimizer.get_scaled_loss(loss)
        if self.use_loss_scale:
            scaled_gradients = tape.gradient(scaled_loss, self.trainable_weights)
            gradients = self.optimizer.get_unscaled_gradients(scaled_gradients)
        else:
            gradients = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.loss_metric.update_state(loss)
        return {m.name: m.result() for m in self.metrics}
