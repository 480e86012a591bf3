# Idiom seen in: vahidk/TensorflowFramework common/ops/regularizer_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/ops/layers_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/optimizer.py
# Idiom seen in: vahidk/TensorflowFramework model/alexnet.py
# What it reproduces: layer helpers take weight_decay=0.0 and build a regularizer only for a positive scale;
#   the estimator wrapper adds REGULARIZATION_LOSSES to the loss, but the model never passes weight_decay,
#   so every call uses 0.0 and the whole decay path is dead (as in the repository's alexnet model).
import tensorflow as tf

import layers_ops


def get_params():
  return {"drop_rate": 0.5, "num_classes": 10, "learning_rate": 0.01}


def model(features, labels, mode, params):
  """CNN classifier model."""
  images = features["image"]
  labels = labels["label"]
  training = mode == tf.estimator.ModeKeys.TRAIN
  drop_rate = params.drop_rate if training else 0.0

  features = layers_ops.conv_layers(images, filters=[64, 128, 256], kernels=[3, 3, 3],
                                    pool_sizes=[2, 2, 2])
  features = tf.layers.flatten(features)
  logits = layers_ops.dense_layers(features, [512, params.num_classes],
                                   drop_rates=drop_rate, linear_top_layer=True)
  predictions = tf.argmax(logits, axis=-1)
  loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
  eval_metrics = {"accuracy": tf.metrics.accuracy(labels, predictions)}
  return {"predictions": predictions}, loss, eval_metrics
