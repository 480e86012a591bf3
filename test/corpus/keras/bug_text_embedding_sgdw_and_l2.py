# Idiom seen in: AprilSpring/TensorFlow2.0Code code/7.tf.keras_text_embedding.py
# What it reproduces: IMDB embedding classifier with an l2(0.01) Dense; compiled with a Keras SGD given its own
#   weight_decay, which decays every variable (embeddings and biases too) on top of the l2 penalty that
#   fit adds to the Dense kernel (bug written by us in the repo's idiom).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

vocab_size = 10000
imdb = keras.datasets.imdb
(train_x, train_y), (test_x, test_y) = imdb.load_data(num_words=vocab_size)
train_x = keras.preprocessing.sequence.pad_sequences(train_x, value=0, padding='post', maxlen=256)
test_x = keras.preprocessing.sequence.pad_sequences(test_x, value=0, padding='post', maxlen=256)

model = keras.Sequential()
model.add(layers.Embedding(vocab_size, 16))
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(128, activation='relu', kernel_regularizer=keras.regularizers.l2(0.01)))  # expect: WD201
model.add(layers.Dense(1, activation='sigmoid'))
model.summary()

optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9,
                                 weight_decay=1e-4)  # expect: WD203
model.compile(optimizer=optimizer, loss='binary_crossentropy', metrics=['accuracy'])

x_val, x_train = train_x[:10000], train_x[10000:]
y_val, y_train = train_y[:10000], train_y[10000:]
history = model.fit(x_train, y_train, epochs=40, batch_size=512, validation_data=(x_val, y_val), verbose=1)
result = model.evaluate(test_x, test_y)
print(result)
