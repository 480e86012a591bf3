# Idiom seen in: fchollet/deep-learning-with-python-notebooks chapter07_working-with-keras.ipynb
# What it reproduces: MNIST driver that compiles the CustomModel with RMSprop and calls fit; fit runs the
#   overridden train_step of model.py, which trains on the cross entropy only (bug reported in model.py).
from tensorflow import keras
from model import get_mnist_model

(images, labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
images = images.reshape((60000, 28 * 28)).astype("float32") / 255
test_images = test_images.reshape((10000, 28 * 28)).astype("float32") / 255
train_images, val_images = images[10000:], images[:10000]
train_labels, val_labels = labels[10000:], labels[:10000]

model = get_mnist_model(weight_decay=1e-4)
model.compile(optimizer=keras.optimizers.RMSprop())
model.fit(train_images, train_labels, epochs=3)
