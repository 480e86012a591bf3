# Idiom seen in: aimat-lab/gcnn_keras kgcnn/literature/CGCNN/_layers.py
# What it reproduces: CGCNN-style layer that hands kernel_regularizer on to its inner Dense layers through a
# kernel_args dict; the user's Model subclass overrides train_step and computes self.compiled_loss(y, y_pred)
# without regularization_losses=self.losses, so fit no longer adds the l2 terms (WD103 at each caller keyword).
import tensorflow as tf
import tensorflow.keras as ks

from datasets import load_crystal_dataset

WEIGHT_DECAY = 1e-5


class CGCNNConv(ks.layers.Layer):

    def __init__(self, units, kernel_regularizer=None, bias_regularizer=None, **kwargs):
        super().__init__(**kwargs)
        kernel_args = {'kernel_regularizer': kernel_regularizer, 'bias_regularizer': bias_regularizer}
        self.gate = ks.layers.Dense(units, activation='sigmoid', **kernel_args)
        self.core = ks.layers.Dense(units, activation='softplus', **kernel_args)

    def call(self, inputs):
        return inputs + self.gate(inputs) * self.core(inputs)


class CGCNN(ks.Model):

    def __init__(self, units=64):
        super().__init__()
        self.embed = ks.layers.Dense(units)
        self.conv1 = CGCNNConv(units,
                               kernel_regularizer=ks.regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.conv2 = CGCNNConv(units,
                               kernel_regularizer=ks.regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.out = ks.layers.Dense(1, kernel_regularizer=ks.regularizers.l2(WEIGHT_DECAY))  # expect: WD103

    def call(self, x, training=False):
        return self.out(self.conv2(self.conv1(self.embed(x))))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


if __name__ == '__main__':
    model = CGCNN()
    model.compile(optimizer=ks.optimizers.Adam(5e-4), loss='mae', metrics=['mae'])
    model.fit(load_crystal_dataset(batch_size=64), epochs=300)
