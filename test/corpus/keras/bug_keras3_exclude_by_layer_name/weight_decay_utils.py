# Idiom seen in: edwardyehuang/iSeg (get_no_weight_decay_layers_names_from_model / exclude_no_weight_decay_layers_in_optimizer; file path not shown by the code index)
# What it reproduces: the no-decay list is built from LAYER names (every LayerNormalization/BatchNormalization
#   layer's name, plus "bias" and a few ViT names) and handed to optimizer.exclude_from_weight_decay(var_names=...).
#   Keras 3 matches var_names against variable.name, which is now the short name ("gamma", "beta", "bias"),
#   not the tf.keras 2 scoped name ("decoder/bn_1/gamma:0"): biases are excluded, the norm scales/offsets are not.
# label-note: no label here; the WD203 finding is labelled on the optimizer's weight_decay= line in train.py.
import keras


def get_all_layers(model):
    layers = []
    for layer in model.layers:
        layers.append(layer)
        if hasattr(layer, "layers"):
            layers.extend(get_all_layers(layer))
    return layers


def get_no_weight_decay_layers_names_from_model(model):
    excluded_name_list = [
        "bias",
        "relative_position_bias_table",
        "pos_embed",
        "class_token",
    ]
    for layer in get_all_layers(model):
        if isinstance(layer, (keras.layers.LayerNormalization, keras.layers.BatchNormalization)):
            excluded_name_list.append(layer.name)
    return excluded_name_list


def exclude_no_weight_decay_layers_in_optimizer(model, optimizer):
    names = get_no_weight_decay_layers_names_from_model(model)
    optimizer.exclude_from_weight_decay(var_names=names)
    return names
