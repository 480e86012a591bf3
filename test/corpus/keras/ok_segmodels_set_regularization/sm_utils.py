# Idiom seen in: qubvel/segmentation_models segmentation_models/utils.py
# What it reproduces: set_regularization(model, ...) assigns kernel/bias/BN regularizers as layer
#   attributes on an already-built model and then rebuilds it with model_from_json(model.to_json()) and
#   set_weights, so the returned model really carries the regularization losses (clean).
from tensorflow import keras


def recompile(model):
    model.compile(model.optimizer, model.loss, model.metrics)


def set_regularization(model,
                       kernel_regularizer=None,
                       bias_regularizer=None,
                       activity_regularizer=None,
                       beta_regularizer=None,
                       gamma_regularizer=None):
    """Set regularizers to all layers

    Note:
       Returned model's config is updated correctly
    """
    for layer in model.layers:
        if kernel_regularizer is not None and hasattr(layer, 'kernel_regularizer'):
            layer.kernel_regularizer = kernel_regularizer
        if bias_regularizer is not None and hasattr(layer, 'bias_regularizer'):
            layer.bias_regularizer = bias_regularizer
        if activity_regularizer is not None and hasattr(layer, 'activity_regularizer'):
            layer.activity_regularizer = activity_regularizer
        if beta_regularizer is not None and hasattr(layer, 'beta_regularizer'):
            layer.beta_regularizer = beta_regularizer
        if gamma_regularizer is not None and hasattr(layer, 'gamma_regularizer'):
            layer.gamma_regularizer = gamma_regularizer

    out = keras.models.model_from_json(model.to_json())
    out.set_weights(model.get_weights())
    return out
