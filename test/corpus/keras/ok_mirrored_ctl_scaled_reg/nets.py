# Idiom seen in: tensorflow/docs site/en/tutorials/distribute/custom_training.ipynb
# What it reproduces: a subclassed Keras model whose conv/dense kernels carry l2 regularizers,
#   built inside strategy.scope() by trainer.py.
# label-note: clean; trainer.py adds tf.nn.scale_regularization_loss(tf.add_n(model.losses)) inside the tape.
import tensorflow as tf


class SmallConvNet(tf.keras.Model):
    def __init__(self, num_classes=10, l2=1e-4):
        super().__init__()
        reg = tf.keras.regularizers.L2(l2)
        self.conv1 = tf.keras.layers.Conv2D(32, 3, activation='relu', kernel_regularizer=reg)
        self.pool = tf.keras.layers.MaxPooling2D()
        self.conv2 = tf.keras.layers.Conv2D(64, 3, activation='relu', kernel_regularizer=reg)
        self.flatten = tf.keras.layers.Flatten()
        self.fc = tf.keras.layers.Dense(64, activation='relu', kernel_regularizer=reg)
        self.out = tf.keras.layers.Dense(num_classes)

    def call(self, x, training=False):
        x = self.pool(self.conv1(x))
        x = self.pool(self.conv2(x))
        return self.out(self.fc(self.flatten(x)))
