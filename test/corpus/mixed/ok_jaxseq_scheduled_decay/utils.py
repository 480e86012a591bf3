# Idiom seen in: Sea-Snell/JAXSeq JaxSeq/utils.py
# What it reproduces: get_weight_decay_mask(exclusions) returns a function of the params that marks every
# leaf whose key path matches an exclusion regex (biases, layer-norm scales) as not decayed.
import re

import jax


def get_weight_decay_mask(exclusions):
    def decay(name, _):
        for rule in exclusions:
            if re.search(rule, jax.tree_util.keystr(name)) is not None:
                return False
        return True

    def weight_decay_mask(params):
        return jax.tree_util.tree_map_with_path(decay, params)

    return weight_decay_mask
