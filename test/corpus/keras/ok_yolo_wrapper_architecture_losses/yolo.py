# Idiom seen in: ZeroSum0x00/YOLO-tensorflow2 models/yolo.py
# What it reproduces: a wrapper keras.Model whose train_step differentiates the wrapped architecture and
#   adds tf.reduce_sum(self.architecture.losses) (the darknet kernel regularizers) to the YOLO loss inside
#   the tape. Clean: the regularization terms reach the gradient; fit runs this train_step.
import tensorflow as tf


class YOLO(tf.keras.Model):
    def __init__(self, architecture, image_size=(416, 416, 3), **kwargs):
        super(YOLO, self).__init__(**kwargs)
        self.architecture = architecture
        self.image_size = image_size
        self.total_loss_tracker = tf.keras.metrics.Mean(name="loss")

    def compile(self, optimizer, loss, metrics=None, **kwargs):
        super(YOLO, self).compile(**kwargs)
        self.optimizer = optimizer
        self.loss_object = loss
        self.list_metrics = metrics

    @property
    def metrics(self):
        return [self.total_loss_tracker] + (self.list_metrics or [])

    def train_step(self, data):
        loss_value = 0
        images, targets = data
        with tf.GradientTape() as tape:
            y_pred = self.architecture(images, training=True)
            for losses in self.loss_object:
                loss_value += self.architecture.calc_loss(y_true=targets, y_pred=y_pred, loss_object=losses)
            loss_value = tf.reduce_sum(self.architecture.losses) + loss_value
        grads = tape.gradient(loss_value, self.architecture.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.architecture.trainable_variables))
        self.total_loss_tracker.update_state(loss_value)
        return {m.name: m.result() for m in self.metrics}

    def test_step(self, data):
        loss_value = 0
        images, targets = data
        y_pred = self.architecture(images, training=False)
        for losses in self.loss_object:
            loss_value += self.architecture.calc_loss(y_true=targets, y_pred=y_pred, loss_object=losses)
        loss_value = tf.reduce_sum(self.architecture.losses) + loss_value
        self.total_loss_tracker.update_state(loss_value)
        return {m.name: m.result() for m in self.metrics}

    def call(self, inputs, training=False):
        return self.architecture(inputs, training=training)
