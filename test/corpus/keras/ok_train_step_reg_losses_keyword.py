# Idiom seen in: matefellner/nexus deep_learning/tensorflow/tf_custom_layer.py
# What it reproduces: the repo's MyDenseLayer (kernel via add_weight) extended with an L2 regularizer, in a
#   keras.Model whose train_step override passes regularization_losses=self.losses to compiled_loss. Clean.
import numpy as np
import tensorflow as tf


class MyDenseLayer(tf.keras.layers.Layer):
    def __init__(self, num_outputs, l2=5e-4):
        super(MyDenseLayer, self).__init__()
        self.num_outputs = num_outputs
        self.l2 = l2

    def build(self, input_shape):
        self.kernel = self.add_weight("kernel", shape=[int(input_shape[-1]), self.num_outputs],
                                      regularizer=tf.keras.regularizers.l2(self.l2))

    def call(self, inputs):
        return tf.matmul(inputs, self.kernel)


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = MyDenseLayer(128)
        self.d2 = MyDenseLayer(10)

    def call(self, x):
        return self.d2(tf.nn.relu(self.d1(x)))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


model = Net()
model.compile(optimizer=tf.keras.optimizers.SGD(0.05),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
model.fit(np.random.rand(512, 20).astype('float32'), np.random.randint(0, 10, 512), epochs=5)
