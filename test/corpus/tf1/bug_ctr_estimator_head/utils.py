# Idiom seen in: shenweichen/DeepCTR deepctr/estimator/utils.py
# What it reproduces: DeepCTR's estimator Head: create_estimator_spec computes
#   reg_loss = tf.losses.get_regularization_loss() and training_loss = loss + reg_loss. Realistic mistake
#   (the real head passes training_loss): train_op_fn is given the bare data loss, so the regularization
#   sum only shows up in the reported EstimatorSpec loss and is never minimized.
import tensorflow as tf

LINEAR_SCOPE_NAME = 'linear'
DNN_SCOPE_NAME = 'dnn'


class Head(object):
    def __init__(self, task, name=None):
        self._task = task
        self._name = name

    def create_loss(self, features, mode, logits, labels):
        if self._task == "binary":
            return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(
                logits=logits, labels=tf.cast(labels, tf.float32)))
        return tf.losses.mean_squared_error(labels, logits, reduction=tf.losses.Reduction.MEAN)

    def create_estimator_spec(self, features, mode, logits, labels=None, train_op_fn=None):
        with tf.name_scope('head'):
            logits = tf.reshape(logits, [-1, 1])
            pred = tf.sigmoid(logits) if self._task == 'binary' else logits
            predictions = {"pred": pred, "logits": logits}
            if mode == tf.estimator.ModeKeys.PREDICT:
                return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

            labels = tf.reshape(labels, [-1, 1])
            loss = self.create_loss(features, mode, logits, labels)
            reg_loss = tf.losses.get_regularization_loss()  # expect: WD105
            training_loss = loss + reg_loss

            if mode == tf.estimator.ModeKeys.EVAL:
                return tf.estimator.EstimatorSpec(
                    mode=mode, predictions=predictions, loss=training_loss,
                    eval_metric_ops={"AUC": tf.metrics.auc(labels, pred)})
            return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=training_loss,
                                              train_op=train_op_fn(loss))


def get_train_op_fn(linear_optimizer, dnn_optimizer):
    def _train_op_fn(loss):
        train_ops = []
        global_step = tf.train.get_global_step()
        linear_var_list = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, LINEAR_SCOPE_NAME)
        dnn_var_list = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, DNN_SCOPE_NAME)
        if len(dnn_var_list) > 0:
            train_ops.append(dnn_optimizer.minimize(loss, var_list=dnn_var_list))
        if len(linear_var_list) > 0:
            train_ops.append(linear_optimizer.minimize(loss, var_list=linear_var_list))
        train_op = tf.group(*train_ops)
        with tf.control_dependencies([train_op]):
            return tf.assign_add(global_step, 1).op
    return _train_op_fn


def deepctr_model_fn(features, mode, logits, labels, task, linear_optimizer, dnn_optimizer):
    train_op_fn = get_train_op_fn(linear_optimizer, dnn_optimizer)
    head = Head(task)
    return head.create_estimator_spec(features=features, mode=mode, labels=labels,
                                      train_op_fn=train_op_fn, logits=logits)
