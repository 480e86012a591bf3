# Idiom seen in: ZermZhang/DeepCTR-tf2 src/utils/runner.py
# Idiom seen in: ZermZhang/DeepCTR-tf2 src/models/subclassing/wide_deep.py
# What it reproduces: a config-driven Runner with a @tf.function GradientTape train_step over a
#   subclassed Wide & Deep model with no layer regularizers; the decay comes only from keras AdamW,
#   whose exclude_from_weight_decay keeps biases and embedding tables out of it: clean.
import tensorflow as tf


class Wide(tf.keras.Model):
    def __init__(self, config):
        super().__init__()
        self.classes = config.model_config['classes']
        self.flatten = tf.keras.layers.Flatten()
        self.dense = tf.keras.layers.Dense(units=self.classes,
                                           kernel_initializer=tf.zeros_initializer(),
                                           bias_initializer=tf.zeros_initializer())

    def call(self, inputs):
        return self.dense(self.flatten(inputs))


class Deep(tf.keras.Model):
    def __init__(self, config):
        super().__init__()
        params = config.deep_model_config
        self.embedding = tf.keras.layers.Embedding(params['vocab_size'], params['embed_dim'])
        self.flatten = tf.keras.layers.Flatten()
        self.hidden_layers = [tf.keras.layers.Dense(units=u, activation=params['activation'])
                              for u in params['units']]
        self.norm = tf.keras.layers.LayerNormalization()

    def call(self, inputs):
        x = self.flatten(self.embedding(inputs))
        for hidden_layer in self.hidden_layers:
            x = hidden_layer(x)
        return self.norm(x)


class WideAndDeep(tf.keras.Model):
    def __init__(self, config):
        super().__init__()
        self.classes = config.model_config['classes']
        self.wide = Wide(config)
        self.deep = Deep(config)
        self._output_layers = tf.keras.layers.Dense(units=self.classes)

    def call(self, inputs):
        return self._output_layers(tf.concat([self.wide(inputs), self.deep(inputs)], axis=-1))
