# Idiom seen in: vahidk/TensorflowFramework common/ops/regularizer_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/ops/layers_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/optimizer.py
# Idiom seen in: vahidk/TensorflowFramework model/alexnet.py
# What it reproduces: layer helpers take weight_decay=0.0 and build a regularizer only for a positive scale;
#   the estimator wrapper adds REGULARIZATION_LOSSES to the loss, but the model never passes weight_decay,
#   so every call uses 0.0 and the whole decay path is dead (as in the repository's alexnet model).
import tensorflow as tf

import alexnet
import dataset_cifar10
import optimizer

tf.flags.DEFINE_string("model_dir", "", "Model directory.")
tf.flags.DEFINE_string("schedule", "train_and_evaluate", "Schedule.")
FLAGS = tf.flags.FLAGS


def main(unused_argv):
  hp = tf.contrib.training.HParams(**alexnet.get_params())
  estimator = tf.estimator.Estimator(
    model_fn=optimizer.make_model_fn(alexnet.model, dataset_cifar10.process),
    model_dir=FLAGS.model_dir,
    params=hp)
  train_spec = tf.estimator.TrainSpec(input_fn=dataset_cifar10.make_input_fn("train", hp))
  eval_spec = tf.estimator.EvalSpec(input_fn=dataset_cifar10.make_input_fn("test", hp))
  tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)


if __name__ == "__main__":
  tf.app.run()
