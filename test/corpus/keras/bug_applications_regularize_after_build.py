# Idiom seen in: peterbbryan/keras-regularization regularization.py
# What it reproduces: a fire-driven experiment that picks a tf.keras.applications constructor by name,
#   builds it, then "adds" L2 by setting layer.kernel_regularizer on every layer of the built model
#   and trains with compile/fit; nothing rebuilds the model, so model.losses stays empty (user
#   mistake in the repo's unfinished regularization experiment).
import inspect
from typing import Any, Callable, Dict

import fire
import numpy as np
import tensorflow as tf
from PIL import Image


def get_model(model_str: str) -> Callable[..., tf.keras.models.Model]:
    models = {name: obj for name, obj in inspect.getmembers(tf.keras.applications)
              if inspect.isfunction(obj)}
    assert model_str in models, f"Model name {model_str} not in Keras applications."
    return models[model_str]


def get_optimizer(optimizer_str: str) -> Callable[..., tf.keras.optimizers.Optimizer]:
    optimizers = {opt.__name__: opt for opt in tf.keras.optimizers.Optimizer.__subclasses__()}
    assert optimizer_str in optimizers, f"Optimizer name {optimizer_str} not in Keras optimizers."
    return optimizers[optimizer_str]


def add_regularization(model: tf.keras.models.Model, weight_decay: float) -> tf.keras.models.Model:
    """Attach an L2 penalty to every layer that has a kernel."""
    for layer in model.layers:
        if hasattr(layer, "kernel_regularizer"):
            layer.kernel_regularizer = tf.keras.regularizers.l2(weight_decay)  # expect: WD106
    return model


def rectify_inputs(data: np.ndarray, model: tf.keras.models.Model) -> np.ndarray:
    _, rows, cols, channels = model.input_shape
    out = np.empty((data.shape[0], rows, cols, channels), dtype=np.float32)
    for index, im in enumerate(data):
        resized = np.array(Image.fromarray(im).resize((rows, cols), Image.BICUBIC))
        out[index] = np.repeat(resized[:, :, np.newaxis], channels, axis=-1)
    return out


def regularization_experiment(model_str: str = "EfficientNetB0",
                              constructor_kwargs: Dict[str, Any] = {"weights": None,
                                                                    "classes": 10},
                              optimizer_str: str = "Adam",
                              weight_decay: float = 1e-4,
                              epochs: int = 5) -> None:
    (x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()
    model = get_model(model_str)(**constructor_kwargs)
    model = add_regularization(model, weight_decay)
    x_train = rectify_inputs(x_train[:6000], model)
    x_test = rectify_inputs(x_test[:1000], model)
    optimizer = get_optimizer(optimizer_str)(learning_rate=1e-3)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(x_train, y_train[:6000], validation_data=(x_test, y_test[:1000]),
              epochs=epochs, batch_size=32)


if __name__ == "__main__":
    fire.Fire(regularization_experiment)
