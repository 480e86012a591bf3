# Idiom seen in: aimat-lab/gcnn_keras kgcnn/literature/CGCNN/_layers.py
# What it reproduces: the same CGCNN-style layers with kernel_regularizer handed on through kernel_args; the
# train_step override gets its loss from self.compute_loss(x, y, y_pred), which in Keras 2.11+/3 adds
# self.losses (the regularization terms) to the compiled loss: clean.
import tensorflow as tf
import tensorflow.keras as ks

from datasets import load_crystal_dataset

WEIGHT_DECAY = 1e-5


class CGCNNConv(ks.layers.Layer):

    def __init__(self, units, kernel_regularizer=None, **kwargs):
        super().__init__(**kwargs)
        kernel_args = {'kernel_regularizer': kernel_regularizer}
        self.gate = ks.layers.Dense(units, activation='sigmoid', **kernel_args)
        self.core = ks.layers.Dense(units, activation='softplus', **kernel_args)

    def call(self, inputs):
        return inputs + self.gate(inputs) * self.core(inputs)


class CGCNN(ks.Model):

    def __init__(self, units=64, depth=3):
        super().__init__()
        self.embed = ks.layers.Dense(units)
        self.convs = [CGCNNConv(units, kernel_regularizer=ks.regularizers.l2(WEIGHT_DECAY))
                      for _ in range(depth)]
        self.out = ks.layers.Dense(1)

    def call(self, x, training=False):
        h = self.embed(x)
        for conv in self.convs:
            h = conv(h)
        return self.out(h)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(x, y, y_pred)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        for metric in self.metrics:
            if metric.name == 'loss':
                metric.update_state(loss)
            else:
                metric.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


if __name__ == '__main__':
    model = CGCNN()
    model.compile(optimizer=ks.optimizers.Adam(5e-4), loss='mae', metrics=['mae'])
    model.fit(load_crystal_dataset(batch_size=64), epochs=300)
