# Idiom seen in: jlfilho/sr-tf2 models/Model.py
# Idiom seen in: jlfilho/sr-tf2 models/espcn/model_espcn.py
# Idiom seen in: jlfilho/sr-tf2 train.py
# What it reproduces: a video super-resolution Model subclass whose train_step logs per-variable
#   gradient summaries and computes self.compiled_loss(y, y_pred, regularization_losses=self.losses);
#   the ESPCN layers carry kernel l2 regularizers and training goes through compile/fit: clean.
import tensorflow as tf


class Model(tf.keras.Model):
    def __init__(self, inputs=None, outputs=None, file_writer_cm=None, name=None):
        super(Model, self).__init__(inputs=inputs, outputs=outputs, name=name)
        self.file_writer_cm = file_writer_cm
        self.step = 0

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)

        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        grads_vars_final = []
        step = self.step
        for gradient, variable in zip(gradients, trainable_vars):
            variable_name = variable.name.replace(':', '_')
            with self.file_writer_cm.as_default():
                tf.summary.scalar('TrainLogs/' + variable_name + '/Values/MIN',
                                  tf.reduce_min(variable), step=step)
                tf.summary.scalar('TrainLogs/' + variable_name + '/Gradients/MIN',
                                  tf.reduce_min(gradient), step=step)
            grads_vars_final.append((gradient, variable))
            step += 1
            self.step = step
        self.optimizer.apply_gradients(grads_vars_final)
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}
