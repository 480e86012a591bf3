# Idiom seen in: apoorv98/deep_learning_with_python custom_training_step_with_fit.py
#                andreacos/Deep-Neural-Networks-Robust-Watermark CustomFitlessModel.py (the right call)
# What it reproduces: a Keras 2 (tf_keras) train_step override that calls
# self.compiled_loss(targets, predictions) without regularization_losses=self.losses: the compiled
# loss container adds no regularization terms then, so fit trains without the l2 decay (WD103).
# label-note: this is Keras 2 behaviour (tf_keras, or tf.keras up to TF 2.15), where the default
# train_step passes regularization_losses=self.losses explicitly; Keras 3's compiled_loss shim
# would add them, hence the explicit `import tf_keras`.
import numpy as np
import tensorflow as tf
import tf_keras as keras
from tf_keras import layers

WEIGHT_DECAY = 1e-3


class CustomModel(keras.Model):
    def train_step(self, data):
        inputs, targets = data
        with tf.GradientTape() as tape:
            predictions = self(inputs, training=True)
            loss = self.compiled_loss(targets, predictions)
        gradients = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))
        self.compiled_metrics.update_state(targets, predictions)
        return {m.name: m.result() for m in self.metrics}


inputs = keras.Input(shape=(28 * 28,))
features = layers.Dense(512, activation="relu", kernel_regularizer=keras.regularizers.l2(WEIGHT_DECAY))(inputs)  # expect: WD103
features = layers.Dropout(0.5)(features)
features = layers.Dense(128, activation="relu",
                        kernel_regularizer=keras.regularizers.l2(WEIGHT_DECAY),  # expect: WD103
                        bias_regularizer=keras.regularizers.l2(WEIGHT_DECAY))(features)  # expect: WD103
outputs = layers.Dense(10, activation="softmax")(features)
model = CustomModel(inputs, outputs)

(train_images, train_labels), _ = keras.datasets.mnist.load_data()
train_images = train_images.reshape((60000, 28 * 28)).astype("float32") / 255
model.compile(optimizer=keras.optimizers.RMSprop(), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(train_images, np.asarray(train_labels), epochs=3, batch_size=128)
