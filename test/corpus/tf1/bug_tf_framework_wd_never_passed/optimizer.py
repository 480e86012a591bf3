# Idiom seen in: vahidk/TensorflowFramework common/ops/regularizer_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/ops/layers_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/optimizer.py
# Idiom seen in: vahidk/TensorflowFramework model/alexnet.py
# What it reproduces: layer helpers take weight_decay=0.0 and build a regularizer only for a positive scale;
#   the estimator wrapper adds REGULARIZATION_LOSSES to the loss, but the model never passes weight_decay,
#   so every call uses 0.0 and the whole decay path is dead (as in the repository's alexnet model).
import tensorflow as tf


def create_optimizer(params):
  return tf.train.MomentumOptimizer(params.learning_rate, momentum=0.9)


def make_model_fn(model_fn, process_fn):
  """Wraps a model function: adds the regularization losses and the train op."""
  def _model_fn(features, labels, mode, params):
    global_step = tf.train.get_or_create_global_step()
    opt = create_optimizer(params)
    features, labels = process_fn(mode, params, features, labels)
    predictions, loss, eval_metrics = model_fn(features, labels, mode, params)
    reg_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)

    tf.summary.scalar("loss/main", loss)
    if reg_losses:
      loss += tf.add_n(reg_losses)
      tf.summary.scalar("loss/regularization", tf.add_n(reg_losses))

    train_op = None
    if mode == tf.estimator.ModeKeys.TRAIN:
      with tf.control_dependencies(update_ops):
        train_op = opt.minimize(loss, global_step=global_step,
                                colocate_gradients_with_ops=True)
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=loss,
                                      train_op=train_op, eval_metric_ops=eval_metrics)
  return _model_fn
