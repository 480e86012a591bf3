# Idiom seen in: tbe07tyg/Tensorflow2 BreathingRecognition/models.py
# What it reproduces: the breathing-rate LRCN as a keras.Model subclass whose train_step override computes
# self.compiled_loss(..., regularization_losses=self.losses), so fit still minimizes the conv L2 terms (clean).
import tensorflow as tf
from tensorflow.keras import layers, regularizers

from CustomGenerator import GetBatchGenerator

REG_LAMBDA = 1e-3


class BreathingLRCN(tf.keras.Model):
    def __init__(self, reg_lambda=REG_LAMBDA):
        super().__init__()
        self.conv1 = layers.TimeDistributed(layers.Conv2D(32, (7, 7), strides=(2, 2), padding='same',
                                                          kernel_regularizer=regularizers.l2(reg_lambda)))
        self.conv2 = layers.TimeDistributed(layers.Conv2D(64, (3, 3), padding='same',
                                                          kernel_regularizer=regularizers.l2(reg_lambda)))
        self.pool = layers.TimeDistributed(layers.MaxPooling2D((2, 2)))
        self.flatten = layers.TimeDistributed(layers.Flatten())
        self.lstm = layers.LSTM(256, dropout=0.5)
        self.out = layers.Dense(1)

    def call(self, x, training=False):
        x = self.pool(tf.nn.relu(self.conv1(x)))
        x = self.pool(tf.nn.relu(self.conv2(x)))
        return self.out(self.lstm(self.flatten(x), training=training))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


if __name__ == '__main__':
    model = BreathingLRCN()
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-5), loss='mse', metrics=['mae'])
    train_gen = GetBatchGenerator('data/data_file.csv', 8, 40, 'train')
    val_gen = GetBatchGenerator('data/data_file.csv', 8, 40, 'test')
    model.fit(train_gen, validation_data=val_gen, epochs=100)
