# Idiom seen in: edwardyehuang/iSeg (its no-weight-decay helper applied to the optimizer; file path not shown by the code index)
# What it reproduces: the no-decay set is taken from the VARIABLES themselves (rank <= 1: every bias and every
#   BatchNormalization/LayerNormalization gamma and beta) and handed to exclude_from_weight_decay(var_list=...),
#   which matches by variable identity and so does not depend on how a Keras version names variables.
# label-note: clean; see train.py.


def no_decay_variables(model):
    """Biases and normalization scales/offsets: every trainable variable of rank <= 1."""
    return [v for v in model.trainable_variables if len(v.shape) <= 1]


def apply_weight_decay_exclusions(model, optimizer):
    excluded = no_decay_variables(model)
    optimizer.exclude_from_weight_decay(var_list=excluded)
    return len(excluded)


def describe_exclusions(model):
    """Lines for the training log: which variables decay and which do not."""
    excluded = {id(v) for v in no_decay_variables(model)}
    lines = []
    for v in model.trainable_variables:
        tag = "no-decay" if id(v) in excluded else "decay"
        lines.append(f"{tag:9s} {v.path} {tuple(v.shape)}")
    return lines
