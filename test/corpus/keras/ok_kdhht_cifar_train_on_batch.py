# Idiom seen in: kdhht2334/Tensorflow-keras-tutorial 1. Discriminative_model/python_src/2.cifar10_cnn.py
# What it reproduces: a functional tf.keras CNN with kernel_regularizer=l2(5e-4) on its convolutions, compiled
#   and trained batch by batch with model.train_on_batch, which adds model.losses to the compiled loss itself:
#   clean.
import numpy as np
import tensorflow as tf

np.random.seed(2 ** 10)

(x_train, y_train), (x_test, y_test) = tf.keras.datasets.cifar10.load_data()
x_train = x_train.astype(np.float32) / 255.
x_test = x_test.astype(np.float32) / 255.
y_train = tf.keras.utils.to_categorical(y_train, num_classes=10).astype(np.float32)
y_test = tf.keras.utils.to_categorical(y_test, num_classes=10).astype(np.float32)

inputs = tf.keras.Input(shape=(32, 32, 3))
conv1 = tf.keras.layers.Conv2D(filters=32, kernel_size=3,
                               kernel_initializer="he_normal",
                               kernel_regularizer=tf.keras.regularizers.l2(5e-4),
                               padding="same", activation=tf.nn.relu)(inputs)
pool1 = tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=2)(conv1)
conv2 = tf.keras.layers.Conv2D(filters=64, kernel_size=3,
                               kernel_initializer="he_normal",
                               kernel_regularizer=tf.keras.regularizers.l2(5e-4),
                               padding="same", activation=tf.nn.relu)(pool1)
pool2 = tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=2)(conv2)
flatten = tf.keras.layers.Flatten()(pool2)
fc1 = tf.keras.layers.Dense(128, activation=tf.nn.relu)(flatten)
fc2 = tf.keras.layers.Dense(64, activation=tf.nn.relu)(fc1)
probabilities = tf.keras.layers.Dense(10, activation=tf.nn.softmax)(fc2)

model = tf.keras.Model(inputs=[inputs], outputs=[probabilities])
opt = tf.keras.optimizers.RMSprop(learning_rate=0.001)
model.compile(loss='categorical_crossentropy', optimizer=opt, metrics=['accuracy'])

BATCH_SIZE = 64
SHUFFLE_SIZE = 10000
dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(SHUFFLE_SIZE).batch(BATCH_SIZE)
test_dataset = tf.data.Dataset.from_tensor_slices((x_test, y_test)).shuffle(SHUFFLE_SIZE).batch(BATCH_SIZE)

for epoch in range(10):
    for (train_images, train_labels), (test_images, test_labels) in zip(dataset, test_dataset):
        loss, acc = model.train_on_batch(train_images, train_labels)
        test_loss, test_acc = model.test_on_batch(test_images, test_labels)
    print('Epoch #{}\t Loss: #{}\tAccuracy: #{}'.format(epoch + 1, test_loss, test_acc))

test_loss, test_acc = model.evaluate(x_test, y_test)
print('\nTest Model \t\t Loss: %.6f\tAccuracy: %.6f' % (test_loss, test_acc))
