# Idiom seen in: morikatron/snippet jax_sample/tf_sample.py
# What it reproduces: the blog's TF2 comparison script (a Network class owning a functional Keras MLP and a
#   GradientTape train method), with kernel_regularizer=l2 on the hidden Dense layers and the loss adding
#   tf.add_n(self.model.losses) before tape.gradient: the penalty is trained: clean.
import numpy as np
import tensorflow as tf
from sklearn import datasets
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder
from tensorflow.keras import Input, Model
from tensorflow.keras.activations import relu, softmax
from tensorflow.keras.layers import Dense
from tensorflow.keras.optimizers import RMSprop
from tensorflow.keras.regularizers import l2

BATCH_SIZE = 512
NUM_EPOCHS = 20
LEARNING_RATE = 0.001
L2 = 1e-4
SEED = 1234


class Network:
    def __init__(self, input_shape, output_shape):
        self.input_shape = input_shape
        self.output_shape = output_shape
        self.optimizer = RMSprop(LEARNING_RATE)
        self.model = self._build_model()

    def loss(self, inputs, targets):
        y = self.model(inputs, training=True)
        cross_entropy_loss = - tf.reduce_sum(targets * tf.math.log(y + 1e-6), axis=1)
        loss = tf.reduce_mean(cross_entropy_loss)
        return loss + tf.add_n(self.model.losses)

    def train(self, inputs, targets):
        with tf.GradientTape() as tape:
            loss = self.loss(inputs, targets)
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss

    def _build_model(self):
        input_x = Input(shape=(self.input_shape,))
        x = Dense(64, activation=relu, kernel_regularizer=l2(L2))(input_x)
        x = Dense(64, activation=relu, kernel_regularizer=l2(L2))(x)
        output = Dense(self.output_shape, activation=softmax)(x)
        return Model(inputs=input_x, outputs=[output])


if __name__ == '__main__':
    np.random.seed(SEED)
    tf.random.set_seed(SEED)
    digits = datasets.load_digits()
    X = (digits.data / 16.0).astype(np.float32)
    y = OneHotEncoder(sparse=False).fit_transform(digits.target.reshape(-1, 1)).astype(np.float32)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    net = Network(X.shape[1], 10)
    for epoch in range(NUM_EPOCHS):
        idx = np.random.permutation(len(X_train))
        for i in range(0, len(X_train), BATCH_SIZE):
            loss = net.train(X_train[idx[i:i + BATCH_SIZE]], y_train[idx[i:i + BATCH_SIZE]])
        print(f'epoch {epoch}: loss {float(loss):.4f}')
