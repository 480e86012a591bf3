# Idiom seen in: CannyLab/rinokeras rinokeras/core/v1x/train/TrainGraph.py
# What it reproduces: a TF1 graph-mode trainer for a Keras model: loss_fn calls the user's loss function and
#   adds sum(self.model.losses); gradients come from a tf.train optimizer's compute_gradients on that loss
#   (or a GradientTape when eager). Clean: the Keras regularizer terms reach the differentiated loss.
import tensorflow as tf
import tensorflow.keras.backend as K


class TrainGraph(object):
    def __init__(self, model, build_model, optimizer, loss_function, inputs, learning_rate=1e-3,
                 gradient_clip_bounds=1.0):
        self.model = model
        self.build_model = build_model
        self.optimizer = optimizer
        self.loss_function = loss_function
        self.inputs = inputs
        self._learning_rate_value = learning_rate
        self._clip = gradient_clip_bounds
        self._initialize_graph()

    def _loss_fn(self, inputs):
        outputs = self.build_model(inputs)
        loss, losses = self.loss_function(inputs, outputs)
        loss += sum(self.model.losses)
        return outputs, loss, losses

    def _grads_fn(self, inputs):
        if tf.executing_eagerly():
            with tf.GradientTape() as tape:
                outputs, loss, losses = self._loss_fn(inputs)
            grads = list(zip(tape.gradient(loss, self.model.variables), self.model.variables))
        else:
            outputs, loss, losses = self._loss_fn(inputs)
            grads = self.optimizer.compute_gradients(loss, self.model.variables)
        grads = [(tf.clip_by_norm(g, self._clip), v) for g, v in grads if g is not None]
        return grads, outputs, loss, losses

    def _initialize_graph(self):
        self._global_step = tf.train.get_or_create_global_step()
        K.set_learning_phase(1)
        self.grads, self.outputs, self.total_loss, self.losses = self._grads_fn(self.inputs)
        self.update_op = tf.group([self.optimizer.apply_gradients(self.grads, global_step=self._global_step)]
                                  + self.model.updates)

    def run(self, sess):
        _, loss, losses = sess.run([self.update_op, self.total_loss, self.losses])
        return loss, losses
