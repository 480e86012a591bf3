# Idiom seen in: zhougr1993/DeepInterestNetwork wide_deep/model.py
# Idiom seen in: zhougr1993/DeepInterestNetwork wide_deep/train.py
# What it reproduces: the repo's Wide&Deep CTR graph (item/category embedding tables from tf.get_variable,
#   a dense tower on top) rewritten as an Estimator model_fn: embedding tables and dense kernels carry
#   l2 regularizers, the log loss goes through tf.losses, and tf.losses.get_total_loss() (which adds the
#   regularization losses) is what both optimizers (FTRL for wide, Adagrad for deep) train. Clean.
import tensorflow as tf
from input import train_input_fn, eval_input_fn

tf.app.flags.DEFINE_string('model_dir', './wide_deep_model', 'model dir')
tf.app.flags.DEFINE_float('l2_reg', 1e-5, 'l2 regularization of embeddings and dense kernels')
tf.app.flags.DEFINE_integer('train_steps', 200000, 'training steps')
FLAGS = tf.app.flags.FLAGS


def model_fn(features, labels, mode, params):
    reg = tf.contrib.layers.l2_regularizer(params['l2_reg'])
    with tf.variable_scope('deep'):
        item_emb_w = tf.get_variable('item_emb_w', [params['item_count'], 64], regularizer=reg)
        cate_emb_w = tf.get_variable('cate_emb_w', [params['cate_count'], 64], regularizer=reg)
        hist = tf.reduce_mean(tf.nn.embedding_lookup(item_emb_w, features['hist_i']), axis=1)
        i_emb = tf.concat([tf.nn.embedding_lookup(item_emb_w, features['item']),
                           tf.nn.embedding_lookup(cate_emb_w, features['cate'])], axis=1)
        net = tf.concat([hist, i_emb], axis=1)
        for units in (200, 80):
            net = tf.layers.dense(net, units, activation=tf.nn.relu, kernel_regularizer=reg)
        deep_logits = tf.layers.dense(net, 1, kernel_regularizer=reg)
    with tf.variable_scope('wide'):
        wide_w = tf.get_variable('wide_w', [params['cross_buckets'], 1], initializer=tf.zeros_initializer())
        wide_logits = tf.reduce_sum(tf.nn.embedding_lookup(wide_w, features['cross_ids']), axis=1)
    logits = tf.reshape(deep_logits + wide_logits, [-1])

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'prob': tf.sigmoid(logits)})

    tf.losses.sigmoid_cross_entropy(labels, logits)
    total_loss = tf.losses.get_total_loss()

    if mode == tf.estimator.ModeKeys.EVAL:
        auc = tf.metrics.auc(labels, tf.sigmoid(logits))
        return tf.estimator.EstimatorSpec(mode, loss=total_loss, eval_metric_ops={'auc': auc})

    global_step = tf.train.get_global_step()
    deep_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='deep')
    wide_vars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope='wide')
    deep_op = tf.train.AdagradOptimizer(params['deep_lr']).minimize(total_loss, var_list=deep_vars)
    wide_op = tf.train.FtrlOptimizer(params['wide_lr']).minimize(total_loss, var_list=wide_vars)
    train_op = tf.group(deep_op, wide_op, tf.assign_add(global_step, 1))
    return tf.estimator.EstimatorSpec(mode, loss=total_loss, train_op=train_op)


def main(_):
    params = {'item_count': 63001, 'cate_count': 801, 'cross_buckets': 100000,
              'l2_reg': FLAGS.l2_reg, 'deep_lr': 0.05, 'wide_lr': 0.1}
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
    estimator.train(input_fn=train_input_fn, max_steps=FLAGS.train_steps)
    print(estimator.evaluate(input_fn=eval_input_fn))


if __name__ == '__main__':
    tf.app.run()
