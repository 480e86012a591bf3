# Idiom seen in: repository not resolved by the code index (index file id 2402642550; it imports
#   trainer.models.common.basic_layers.DNNLayer)
# What it reproduces: the deep tower as a reusable Keras layer: a stack of Dense+BatchNorm+Dropout blocks and an
#   optional single-logit output. No regularizers here.
import tensorflow as tf


class DNNLayer(tf.keras.layers.Layer):
    def __init__(self, hidden_units=(256, 128, 64), dropout=0.2, output_logits=False, **kwargs):
        super().__init__(**kwargs)
        self.blocks = []
        for units in hidden_units:
            self.blocks.append((tf.keras.layers.Dense(units, activation="relu"),
                                tf.keras.layers.BatchNormalization(),
                                tf.keras.layers.Dropout(dropout)))
        self.logit = tf.keras.layers.Dense(1) if output_logits else None

    def call(self, inputs, training=False):
        x = inputs
        for dense, norm, drop in self.blocks:
            x = drop(norm(dense(x), training=training), training=training)
        return self.logit(x) if self.logit is not None else x
