# Idiom seen in: MignonDeveloper/pytorch-tutorials 5. Tensorflow_Basics/04. Regularization.py
# What it reproduces: the tutorial's regularized Sequential CNN (kernel_regularizer=l2(0.01)) built in a module;
#   it is trained through CustomFit's train_step override (customfit.py), which leaves model.losses out
#   (WD103 on each regularizer).
from tensorflow import keras
from tensorflow.keras import layers, regularizers


def get_model():
    return keras.Sequential(
        [
            layers.Input(shape=(28, 28, 1)),
            layers.Conv2D(64, (3, 3), padding="same", kernel_regularizer=regularizers.l2(0.01)),  # expect: WD103
            layers.ReLU(),
            layers.Conv2D(128, (3, 3), padding="same", kernel_regularizer=regularizers.l2(0.01)),  # expect: WD103
            layers.ReLU(),
            layers.Flatten(),
            layers.Dense(64, activation="relu", kernel_regularizer=regularizers.l2(0.01)),  # expect: WD103
            layers.Dense(10),
        ],
        name="model",
    )
