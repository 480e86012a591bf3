# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/masks.py
# What it reproduces: mask helpers (True for decayed leaves) built from tree paths, used as
#   optax's mask= so that biases and norm parameters are not decayed; clean.
import equinox as eqx
import jax
from jax import tree_util


def _is_weight(key_path, leaf):
    if not eqx.is_array(leaf):
        return False
    last = key_path[-1]
    name = getattr(last, "name", None)
    return name == "weight" and leaf.ndim > 1


def weight_matrix_mask(model):
    """True for each weight matrix of the model, False for biases, scales and static fields."""
    return tree_util.tree_map_with_path(_is_weight, model)


def sub_model_mask(model, sub_model):
    def fn(key_path, leaf):
        return eqx.is_array(leaf) and getattr(key_path[0], "name", None) == sub_model
    return tree_util.tree_map_with_path(fn, model)
