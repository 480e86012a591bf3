# Idiom seen in: ogroth/geeco src/models/e2evmc/estimator.py (e2evmc_model_fn)
# What it reproduces: the Estimator model_fn: the regularization terms are summed from
#   REGULARIZATION_LOSSES into loss_reg (also filed under GraphKeys.LOSSES for the summary hooks),
#   loss = tf.add(task_loss, loss_reg), and Adam minimizes that loss.
import tensorflow as tf

from graph import e2e_vmc, mse_loss


def e2evmc_model_fn(features, labels, mode, params):
    config = params['e2evmc_config']
    rgb_frames = tf.identity(features['rgb'], name='in_rgb_frames')
    jnt_states = tf.identity(features['jnt_state'], name='in_jnt_states')
    net, endpoints = e2e_vmc(rgb_frames, jnt_states, params=config)
    predictions = {k: endpoints[k] for k in ['pred_cmd_ee', 'logits_cmd_grp', 'pred_aux_ee', 'pred_aux_obj']}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

    with tf.variable_scope('RegularizationLoss'):
        loss_reg = tf.reduce_sum(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES), name='l2_reg_loss')
        tf.add_to_collection(tf.GraphKeys.LOSSES, loss_reg)
    cmd_grp = tf.dtypes.cast(tf.math.rint(labels['cmd'][:, 3]), tf.int32) + 1
    loss_cmd_ee = mse_loss(predictions['pred_cmd_ee'], labels['cmd'][:, :3], 'loss_cmd_ee')
    loss_cmd_grp = tf.losses.sparse_softmax_cross_entropy(labels=cmd_grp, logits=predictions['logits_cmd_grp'],
                                                          loss_collection=None)
    loss_pos_ee = mse_loss(predictions['pred_aux_ee'], features['ee_state'][:, -1, :3], 'loss_pos_ee')
    loss_pos_obj = mse_loss(predictions['pred_aux_obj'], features['obj_state'][:, -1, :3], 'loss_pos_obj')
    loss = tf.add_n([loss_cmd_ee, loss_cmd_grp], name='command_loss') \
        + config.lambda_aux * tf.add_n([loss_pos_ee, loss_pos_obj], name='pose_loss')
    # final loss: control-space dependent loss + regularization
    loss = tf.add(loss, loss_reg)

    if mode == tf.estimator.ModeKeys.TRAIN:
        optimizer = tf.train.AdamOptimizer(learning_rate=config.lr)
        train_op = optimizer.minimize(loss=loss, global_step=tf.train.get_global_step())
        hooks = [tf.train.SummarySaverHook(save_steps=params['log_steps'],
                                           summary_op=tf.summary.merge([tf.summary.scalar(t.op.name, t)
                                                                        for t in tf.get_collection(tf.GraphKeys.LOSSES)]))]
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op, training_hooks=hooks)

    eval_metric_ops = {'cmd_ee': tf.metrics.mean_squared_error(labels['cmd'][:, :3], predictions['pred_cmd_ee'])}
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, eval_metric_ops=eval_metric_ops)
