# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/estimator/examples/train_fnn_with_movielens.py
# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/estimator/models/ranking/deepfm.py
# What it reproduces: an Estimator model_fn on MovieLens that passes kernel_regularizer through DeepFM's
# **dnn_kwargs and adds tf.losses.get_regularization_loss() to the log loss it minimizes. Clean.
import tensorflow as tf

from build_input_pipeline_on_movielens import build_columns
from build_input_pipeline_on_movielens import MovielensInputFun
from deepfm import DeepFM


def model_fn(features, labels, mode, params):
    indicator_columns, embedding_columns = build_columns()
    deepfm = DeepFM(indicator_columns, embedding_columns, [64, 32],
                    kernel_regularizer=tf.contrib.layers.l2_regularizer(params["l2_reg"]))
    outputs = deepfm(features)
    predictions = {"predictions": outputs}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions=predictions)

    log_loss = tf.losses.log_loss(labels, outputs)
    loss = log_loss + tf.losses.get_regularization_loss()
    metrics = {"auc": tf.metrics.auc(labels, outputs)}
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops=metrics)

    optimizer = tf.train.AdamOptimizer(learning_rate=params["learning_rate"])
    train_op = optimizer.minimize(loss=loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def build_estimator(params, model_dir=None):
    run_config = tf.estimator.RunConfig().replace(tf_random_seed=42, save_checkpoints_steps=1000,
                                                  log_step_count_steps=100)
    return tf.estimator.Estimator(model_fn=model_fn, model_dir=model_dir, config=run_config,
                                  params=params)


def main():
    tf.logging.set_verbosity(tf.logging.INFO)
    estimator = build_estimator({"l2_reg": 1e-5, "learning_rate": 0.01}, model_dir="DeepFM")
    movielens = MovielensInputFun()
    train_spec = tf.estimator.TrainSpec(lambda: movielens.training_input_fn, max_steps=None)
    eval_spec = tf.estimator.EvalSpec(lambda: movielens.testing_input_fn, steps=None,
                                      start_delay_secs=60, throttle_secs=60)
    tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)


if __name__ == '__main__':
    main()
