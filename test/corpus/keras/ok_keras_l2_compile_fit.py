# Idiom seen in: kaiyuanmifen/fart Trial.py
# What it reproduces: the IMDB "l2_model" (Dense(16, kernel_regularizer=regularizers.l2(0.001))) compiled
# with adam and trained with fit, which adds the regularization losses to the loss. Clean.
import numpy as np
from keras import models, layers, regularizers
from keras.datasets import imdb


def vectorize_sequences(sequences, dimension=10000):
    results = np.zeros((len(sequences), dimension))
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.
    return results


(train_data, train_labels), (test_data, test_labels) = imdb.load_data(num_words=10000)
x_train = vectorize_sequences(train_data)
x_test = vectorize_sequences(test_data)
y_train = np.asarray(train_labels).astype('float32')
y_test = np.asarray(test_labels).astype('float32')

l2_model = models.Sequential()
l2_model.add(layers.Dense(16, kernel_regularizer=regularizers.l2(0.001), activation='relu', input_shape=(10000,)))
l2_model.add(layers.Dropout(0.5))
l2_model.add(layers.Dense(16, kernel_regularizer=regularizers.l2(0.001), activation='relu'))
l2_model.add(layers.Dropout(0.5))
l2_model.add(layers.Dense(1, activation='sigmoid'))

l2_model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['acc'])
l2_model_hist = l2_model.fit(x_train, y_train, epochs=20, batch_size=512, validation_data=(x_test, y_test))
print(max(l2_model_hist.history['val_acc']))
