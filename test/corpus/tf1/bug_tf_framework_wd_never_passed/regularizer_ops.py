# Idiom seen in: vahidk/TensorflowFramework common/ops/regularizer_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/ops/layers_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/optimizer.py
# Idiom seen in: vahidk/TensorflowFramework model/alexnet.py
# What it reproduces: layer helpers take weight_decay=0.0 and build a regularizer only for a positive scale;
#   the estimator wrapper adds REGULARIZATION_LOSSES to the loss, but the model never passes weight_decay,
#   so every call uses 0.0 and the whole decay path is dead (as in the repository's alexnet model).
import tensorflow as tf


def weight_regularizer(scale=0.0, type="l2"):
  if scale < 0.0:
    raise ValueError("Invalid regularizer scale {}".format(scale))

  if scale > 0.0:  # expect: WD303
    if type == "l1":
      return tf.keras.regularizers.l1(scale)
    elif type == "l2":
      return tf.keras.regularizers.l2(scale)
    elif type == "l1_l2":
      return tf.keras.regularizers.l1_l2(scale, scale)
    raise ValueError("Invalid regularier type {}".format(type))
  return None
