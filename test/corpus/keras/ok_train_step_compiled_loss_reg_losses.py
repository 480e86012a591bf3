# Idiom seen in: andreacos/Deep-Neural-Networks-Robust-Watermark CustomFitlessModel.py
#                onchipuis/Tests_A-Connect Tensorflow/Scripts/ACModel.py
# What it reproduces: a train_step override that keeps the compiled loss and passes
# regularization_losses=self.losses, so the Conv2D/Dense l2 terms are minimized by fit. Clean.
import tensorflow as tf
import tensorflow_datasets as tfds
from tensorflow.keras import layers, regularizers

WEIGHT_DECAY = 5e-4


class CustomModel(tf.keras.models.Model):
    def train_step(self, data):
        # Condition added when moving to TF 2.5.0
        if len(data) == 2:
            x, y = data
        else:
            x, y, _ = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def build(num_classes=10):
    inputs = tf.keras.Input(shape=(32, 32, 3))
    x = inputs
    for filters in (64, 128, 256):
        x = layers.Conv2D(filters, 3, padding='same', use_bias=False,
                          kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
        x = layers.BatchNormalization()(x)
        x = layers.ReLU()(x)
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
    return CustomModel(inputs, outputs)


def normalize(image, label):
    return tf.cast(image, tf.float32) / 255.0, label


train_ds, test_ds = tfds.load('cifar10', split=['train', 'test'], as_supervised=True)
train_ds = train_ds.map(normalize).shuffle(10000).batch(128).prefetch(tf.data.AUTOTUNE)
test_ds = test_ds.map(normalize).batch(256)

model = build()
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=['accuracy'])
model.fit(train_ds, validation_data=test_ds, epochs=50)
