# Idiom seen in: triagemd/keras-trainer keras_trainer/regularizations.py
# What it reproduces: setting kernel_regularizer on every Conv/Dense layer of a built (pretrained) model,
#   then rebuilding it with model_from_json(model.to_json()) and reloading the saved weights, so the
#   regularizers are really created as losses of the new model.
# label-note: clean. The attribute assignments alone would be WD106, but the model is rebuilt from its
#   config afterwards and the rebuilt model is the one returned (and trained in train.py).
import os
import tempfile

from tensorflow.keras.layers import Conv2D, Dense, DepthwiseConv2D, SeparableConv2D
from tensorflow.keras.models import model_from_json


def set_model_regularization(model, regularization_function, layers=None):
    """Apply regularization_function to the kernels of conv/dense layers and rebuild the model."""
    weights_path = os.path.join(tempfile.mkdtemp(), 'tmp.h5')
    model.save_weights(weights_path)

    if layers is None:
        layers = model.layers

    for layer in layers:
        if isinstance(layer, SeparableConv2D):
            layer.depthwise_regularizer = regularization_function
            layer.pointwise_regularizer = regularization_function
        elif isinstance(layer, DepthwiseConv2D):
            layer.depthwise_regularizer = regularization_function
        elif isinstance(layer, (Conv2D, Dense)):
            layer.kernel_regularizer = regularization_function

    # the regularizers only become losses when the layers are built again
    model = model_from_json(model.to_json())
    model.load_weights(weights_path, by_name=True)
    return model
