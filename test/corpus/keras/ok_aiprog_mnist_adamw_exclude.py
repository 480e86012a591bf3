# Idiom seen in: ftoshimichi/aiprog_keras doc/origin/02_overfit.md
# What it reproduces: the Japanese Keras course's overfitting demo (MNIST cut to 500 samples, four Dense(100) layers),
#   regularized with decoupled weight decay: keras AdamW(weight_decay=...) with the biases excluded through
#   exclude_from_weight_decay and no layer regularizers, so each kernel is decayed once; clean.
import matplotlib.pyplot as plt
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras.datasets import mnist
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.utils import to_categorical

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train[:500].reshape(500, 784).astype('float32') / 255
x_test = x_test.reshape(10000, 784).astype('float32') / 255
y_train = to_categorical(y_train[:500], 10)
y_test = to_categorical(y_test, 10)

model = Sequential()
model.add(Dense(100, activation='relu', input_shape=(784,)))
model.add(Dense(100, activation='relu'))
model.add(Dense(100, activation='relu'))
model.add(Dense(100, activation='relu'))
model.add(Dense(10, activation='softmax'))

optimizer = keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=0.05)
optimizer.exclude_from_weight_decay(var_names=['bias'])
model.compile(loss='categorical_crossentropy', optimizer=optimizer, metrics=['accuracy'])

history = model.fit(x_train, y_train, epochs=100, batch_size=32, verbose=0,
                    validation_data=(x_test, y_test))

plt.plot(history.history['accuracy'], label='train')
plt.plot(history.history['val_accuracy'], label='test')
plt.xlabel('epoch')
plt.legend()
plt.savefig('adamw_overfit.png')
print(tf.reduce_mean([tf.norm(w) for w in model.trainable_weights]).numpy())
