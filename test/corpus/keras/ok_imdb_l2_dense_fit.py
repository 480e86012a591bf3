# Idiom seen in: JakubPatrykAdamczyk/deep_learning 4/4,4.py
# What it reproduces: the "Deep Learning with Python" IMDB example: multi-hot review vectors, a Sequential of
#   Dense(16) layers with kernel_regularizer=regularizers.l2(0.001), compile(rmsprop) and fit, which adds the penalties
#   to the binary cross entropy; clean.
import numpy as np
from keras import layers, models, regularizers
from keras.datasets import imdb

number_tent = 10000

(train_data, train_labels), (test_data, test_labels) = imdb.load_data(num_words=number_tent)


def vectorize_sequences(sequences, dimension=number_tent):
    results = np.zeros((len(sequences), dimension))
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.
    return results


x_train = vectorize_sequences(train_data)
x_test = vectorize_sequences(test_data)
y_train = np.asarray(train_labels).astype('float32')
y_test = np.asarray(test_labels).astype('float32')

model = models.Sequential()
model.add(layers.Dense(16, activation='relu', input_shape=(number_tent,),
                       kernel_regularizer=regularizers.l2(0.001)))
model.add(layers.Dense(16, activation='relu', kernel_regularizer=regularizers.l2(0.001)))
model.add(layers.Dense(1, activation='sigmoid'))

model.compile(optimizer='rmsprop', loss='binary_crossentropy', metrics=['acc'])
history = model.fit(x_train, y_train, epochs=20, batch_size=512, validation_data=(x_test, y_test))
print(min(history.history['val_loss']))
