# Idiom seen in: nixingyang/AdaptiveL2Regularization utils/model_utils.py
# Idiom seen in: nixingyang/AdaptiveL2Regularization solution.py
# What it reproduces: specify_regularizers() walks model.layers (recursing into nested backbone models) and sets
#   kernel/bias/gamma/beta regularizers on layers of an already-built model, then reloads the model with
#   model_from_json(model.to_json()) and set_weights (keras issue #2717 recipe), so the rebuilt layers do create
#   the regularization losses that compile/fit then add. Clean.
from tensorflow.keras.layers import BatchNormalization, Conv1D, Conv2D, Dense
from tensorflow.keras.models import Model, clone_model, model_from_json
from tensorflow.keras.regularizers import l2


def replicate_model(model, name):
    vanilla_weights = model.get_weights()
    model = clone_model(model)
    model = Model(inputs=model.input, outputs=model.output, name=name)
    model.set_weights(vanilla_weights)
    return model


def specify_regularizers(model, kernel_regularization_factor=0, bias_regularization_factor=0,
                         gamma_regularization_factor=0, beta_regularization_factor=0,
                         omitted_layer_name_prefix_tuple=()):

    def _init_regularizers(model):
        print("Initializing regularizers for {} ...".format(model.name))
        for item in model.layers:
            if isinstance(item, Model):
                _init_regularizers(item)
            if any(item.name.startswith(prefix) for prefix in omitted_layer_name_prefix_tuple):
                continue
            if isinstance(item, (Conv1D, Conv2D, Dense)):
                if kernel_regularization_factor >= 0 and hasattr(item, "kernel_regularizer"):
                    item.kernel_regularizer = l2(l=kernel_regularization_factor)
                if bias_regularization_factor >= 0 and hasattr(item, "bias_regularizer"):
                    if item.use_bias:
                        item.bias_regularizer = l2(l=bias_regularization_factor)
            elif isinstance(item, BatchNormalization):
                if gamma_regularization_factor >= 0 and hasattr(item, "gamma_regularizer"):
                    if item.scale:
                        item.gamma_regularizer = l2(l=gamma_regularization_factor)
                if beta_regularization_factor >= 0 and hasattr(item, "beta_regularizer"):
                    if item.center:
                        item.beta_regularizer = l2(l=beta_regularization_factor)

    _init_regularizers(model)

    # Reload the model
    # https://github.com/keras-team/keras/issues/2717#issuecomment-447570737
    vanilla_weights = model.get_weights()
    model = model_from_json(json_string=model.to_json())
    model.set_weights(vanilla_weights)
    return model
