# Idiom seen in: PHETpierre/tensorflow quickstartExpert.py
# What it reproduces: the subclassed-Model idiom (layers in __init__, call) grown into a keyword-spotting
#   DS-CNN with L2 kernel regularizers, plus a train_step override (for label smoothing on the fly) that
#   passes regularization_losses=self.losses to compiled_loss, so fit still trains the decay. Clean.
import tensorflow as tf
from tensorflow.keras import layers, regularizers


class DSCNN(tf.keras.Model):
    def __init__(self, num_classes, filters=64, n_blocks=4, weight_decay=1e-4, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing
        self.num_classes = num_classes
        self.conv1 = layers.Conv2D(filters, (10, 4), strides=(2, 2), padding="same", use_bias=False,
                                   kernel_regularizer=regularizers.l2(weight_decay))
        self.bn1 = layers.BatchNormalization()
        self.blocks = []
        for _ in range(n_blocks):
            self.blocks.append([
                layers.DepthwiseConv2D(3, padding="same", use_bias=False,
                                       depthwise_regularizer=regularizers.l2(weight_decay)),
                layers.BatchNormalization(),
                layers.Conv2D(filters, 1, use_bias=False, kernel_regularizer=regularizers.l2(weight_decay)),
                layers.BatchNormalization(),
            ])
        self.pool = layers.GlobalAveragePooling2D()
        self.fc = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(weight_decay))

    def call(self, x, training=False):
        x = tf.nn.relu(self.bn1(self.conv1(x), training=training))
        for dw, bn_a, pw, bn_b in self.blocks:
            x = tf.nn.relu(bn_a(dw(x), training=training))
            x = tf.nn.relu(bn_b(pw(x), training=training))
        return self.fc(self.pool(x))

    def train_step(self, data):
        x, y = data
        y_soft = tf.one_hot(y, self.num_classes) * (1.0 - self.smoothing) + self.smoothing / self.num_classes
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y_soft, y_pred, regularization_losses=self.losses)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y_soft, y_pred)
        return {m.name: m.result() for m in self.metrics}
