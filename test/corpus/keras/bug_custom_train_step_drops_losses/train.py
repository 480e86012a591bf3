# Idiom seen in: TimeSeriesProject/tensorflow2x-learn apps/03-keras网络模型搭建/01-网络搭建/02-mnist_sequentail.py
# What it reproduces: the MNIST Sequential MLP with kernel_regularizer=tf.keras.regularizers.L2() trained by fit; this user
#   variant overrides train_step (to log the gradient norm) and computes self.compiled_loss(y, y_pred) without
#   regularization_losses=self.losses, so fit runs the override and the L2 terms never reach the gradient (WD103).
from tensorflow.keras.datasets import mnist
from tensorflow.keras.losses import SparseCategoricalCrossentropy
from tensorflow.keras.metrics import SparseCategoricalAccuracy
from tensorflow.keras.optimizers import Adam

from model import build_mlp

(train_x, train_y), (test_x, test_y) = mnist.load_data()
train_x, test_x = train_x / 255.0, test_x / 255.0
print('train data:', train_x.shape, train_y.shape)

model = build_mlp()
model.compile(optimizer=Adam(),
              loss=SparseCategoricalCrossentropy(from_logits=False),
              metrics=[SparseCategoricalAccuracy()])
model.fit(train_x, train_y, batch_size=32, epochs=10, validation_data=(test_x, test_y), validation_freq=5)
model.summary()
