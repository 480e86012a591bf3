# Idiom seen in: tamaspalinkas/digit-recognition dnn.py
# What it reproduces: the beginner MNIST MLP: Sequential Flatten + two Dense(128, relu, kernel_regularizer=l2(0.01)) + softmax,
#   compiled and trained with model.fit, then used to classify the user's own digit images; fit adds the layers'
#   regularization losses to the minimized loss: clean.
import glob

import numpy as np
import tensorflow as tf
from PIL import Image

mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = tf.keras.utils.normalize(x_train, axis=1)
x_test = tf.keras.utils.normalize(x_test, axis=1)

model = tf.keras.models.Sequential()
model.add(tf.keras.layers.Flatten(input_shape=(28, 28)))
model.add(tf.keras.layers.Dense(128, activation=tf.nn.relu,
                                kernel_regularizer=tf.keras.regularizers.l2(0.01)))
model.add(tf.keras.layers.Dense(128, activation=tf.nn.relu,
                                kernel_regularizer=tf.keras.regularizers.l2(0.01)))
model.add(tf.keras.layers.Dense(10, activation=tf.nn.softmax))

model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
              loss='sparse_categorical_crossentropy',
              metrics=['accuracy'])
model.fit(x_train, y_train, epochs=5, validation_data=(x_test, y_test))

val_loss, val_acc = model.evaluate(x_test, y_test)
print('test loss', val_loss, 'test accuracy', val_acc)

for path in sorted(glob.glob('digits/*.png')):
    img = np.array(Image.open(path).convert('L').resize((28, 28)), dtype='float32')
    img = tf.keras.utils.normalize(255.0 - img, axis=1)
    pred = model.predict(img[np.newaxis, ...])
    print(path, int(np.argmax(pred)))
