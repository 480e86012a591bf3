# Idiom seen in: flamearrow/ml kerastoy/toys/custom_training_toy.py
# What it reproduces: the toy's conv net moved into a keras.Model subclass whose train_step override computes
#   self.compiled_loss(y, y_pred, regularization_losses=self.losses), so fit() running the override still trains the
#   layers' L2 terms. Clean.
import tensorflow as tf

L2 = 1e-4


class ToyNet(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        reg = tf.keras.regularizers.l2(L2)
        self.conv1 = tf.keras.layers.Conv2D(16, 3, activation="relu", kernel_regularizer=reg)
        self.conv2 = tf.keras.layers.Conv2D(16, 3, activation="relu", kernel_regularizer=reg)
        self.pool = tf.keras.layers.GlobalAveragePooling2D()
        self.head = tf.keras.layers.Dense(num_classes, kernel_regularizer=reg)

    def call(self, x, training=False):
        return self.head(self.pool(self.conv2(self.conv1(x))))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def get_data():
    (images, labels), _ = tf.keras.datasets.mnist.load_data()
    ds = tf.data.Dataset.from_tensor_slices(
        (tf.cast(images[..., tf.newaxis] / 255, tf.float32), tf.cast(labels, tf.int64)))
    return ds.shuffle(1000).batch(32)


if __name__ == "__main__":
    model = ToyNet()
    model.compile(optimizer=tf.keras.optimizers.SGD(0.05, momentum=0.9),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(get_data(), epochs=3)
