# Idiom seen in: apoorv98/deep_learning_with_python custom_training_step_with_fit.py
#                andreacos/Deep-Neural-Networks-Robust-Watermark CustomFitlessModel.py
# What it reproduces: a keras.Model subclass overrides train_step and computes its own loss with a
# module-level loss_fn and loss_tracker; fit() now runs this step, which never adds self.losses,
# so the l2 regularizer of the hidden layer never reaches the gradient (WD103).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers
from tensorflow.keras.datasets import mnist

loss_fn = keras.losses.SparseCategoricalCrossentropy()
loss_tracker = keras.metrics.Mean(name="loss")
acc_metric = keras.metrics.SparseCategoricalAccuracy(name="acc")


class CustomModel(keras.Model):
    def train_step(self, data):
        inputs, targets = data
        with tf.GradientTape() as tape:
            predictions = self(inputs, training=True)
            loss = loss_fn(targets, predictions)
        gradients = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))

        loss_tracker.update_state(loss)
        acc_metric.update_state(targets, predictions)
        return {"loss": loss_tracker.result(), "acc": acc_metric.result()}

    @property
    def metrics(self):
        return [loss_tracker, acc_metric]


def get_mnist_model():
    inputs = keras.Input(shape=(28 * 28,))
    features = layers.Dense(512, activation="relu",
                            kernel_regularizer=regularizers.l2(0.002))(inputs)  # expect: WD103
    features = layers.Dropout(0.5)(features)
    outputs = layers.Dense(10, activation="softmax")(features)
    return CustomModel(inputs, outputs)


(images, labels), (test_images, test_labels) = mnist.load_data()
images = images.reshape((60000, 28 * 28)).astype("float32") / 255
test_images = test_images.reshape((10000, 28 * 28)).astype("float32") / 255

model = get_mnist_model()
model.compile(optimizer=keras.optimizers.RMSprop())
model.fit(images, labels, epochs=3, batch_size=128)
