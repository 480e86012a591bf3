# Idiom seen in: MignonDeveloper/pytorch-tutorials 5. Tensorflow_Basics/14. Customizing Model Fit.py
# What it reproduces: the script that wraps the regularized model in CustomFit and calls fit(); because
#   train_step is overridden, fit no longer adds model.losses (the WD103 labels are in model.py).
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
from tensorflow import keras
from tensorflow.keras.datasets import mnist

from customfit import CustomFit
from model import get_model

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255.0
x_test = x_test.reshape(-1, 28, 28, 1).astype("float32") / 255.0

training = CustomFit(get_model())
training.compile(
    optimizer=keras.optimizers.Adam(learning_rate=3e-4),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)
training.fit(x_train, y_train, batch_size=64, epochs=2)
training.evaluate(x_test, y_test, batch_size=64)
