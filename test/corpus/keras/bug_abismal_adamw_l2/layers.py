# Idiom seen in: rs-station/abismal abismal/layers/feed_forward.py
# Idiom seen in: rs-station/abismal abismal/optimizers/adamw.py
# What it reproduces: an abismal-style residual feed-forward block whose Dense kernels carry an L2
#   kernel_regularizer, trained with tf_keras AdamW(weight_decay=...) in train.py: the same kernels are decayed
#   by the regularizer and by the decoupled optimizer decay (WD201 here, WD203 at the optimizer).
import tf_keras as tfk


class FeedForward(tfk.layers.Layer):
    def __init__(self, hidden_units, dropout=None, kernel_l2=1e-3, **kwargs):
        super().__init__(**kwargs)
        self.hidden_units = hidden_units
        self.kernel_l2 = kernel_l2
        self.dropout = dropout

    def build(self, shape):
        self.ff1 = tfk.layers.Dense(self.hidden_units, activation='relu',
                                    kernel_regularizer=tfk.regularizers.l2(self.kernel_l2))  # expect: WD201
        self.ff2 = tfk.layers.Dense(shape[-1],
                                    kernel_regularizer=tfk.regularizers.l2(self.kernel_l2))  # expect: WD201
        self.norm = tfk.layers.LayerNormalization()
        self.drop = tfk.layers.Dropout(self.dropout) if self.dropout else None

    def call(self, data, training=None):
        out = self.norm(data)
        out = self.ff1(out)
        if self.drop is not None:
            out = self.drop(out, training=training)
        return data + self.ff2(out)


class Scaler(tfk.models.Model):
    def __init__(self, mlp_width=32, mlp_depth=4, kernel_l2=1e-3, **kwargs):
        super().__init__(**kwargs)
        self.input_layer = tfk.layers.Dense(mlp_width)
        self.blocks = [FeedForward(2 * mlp_width, kernel_l2=kernel_l2) for _ in range(mlp_depth)]
        self.output_layer = tfk.layers.Dense(2)

    def call(self, inputs, training=None):
        out = self.input_layer(inputs)
        for block in self.blocks:
            out = block(out, training=training)
        return self.output_layer(out)
