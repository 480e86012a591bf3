# Idiom seen in: lycyeah/AlexNet---TensorFlow- model_fn.py
# What it reproduces: the cs230-style build_model(is_training, inputs, params) / model_fn(mode, inputs, params) with tf.layers;
#   a realistic mistake on the repo's code: kernel_regularizer=l2_regularizer(params.weight_decay) is added to the layers, but
#   the loss stays tf.losses.sparse_softmax_cross_entropy and Adam minimizes it, so the regularization losses are never collected.
import argparse
import os

import tensorflow as tf

from model.input_fn import input_fn
from model.training import train_and_evaluate
from model.utils import Params


def build_model(is_training, inputs, params):
    """AlexNet-like classifier on params.image_size x params.image_size RGB images."""
    images = inputs['images']
    assert images.get_shape().as_list() == [None, params.image_size, params.image_size, 3]
    regularizer = tf.contrib.layers.l2_regularizer(params.weight_decay)

    out = tf.layers.conv2d(images, filters=96, kernel_size=11, strides=(4, 4), padding='valid',
                           kernel_regularizer=regularizer)  # expect: WD102
    out = tf.nn.relu(out)
    out = tf.nn.local_response_normalization(out, depth_radius=2, alpha=2e-05, beta=0.75, bias=1.0)
    out = tf.layers.max_pooling2d(out, pool_size=3, strides=2, padding='valid')

    out = tf.layers.conv2d(out, filters=256, kernel_size=5, padding='same',
                           kernel_regularizer=regularizer)  # expect: WD102
    out = tf.nn.relu(out)
    out = tf.layers.max_pooling2d(out, pool_size=3, strides=2, padding='valid')

    out = tf.layers.conv2d(out, filters=384, kernel_size=3, padding='same',
                           kernel_regularizer=regularizer)  # expect: WD102
    out = tf.nn.relu(out)
    out = tf.layers.max_pooling2d(out, pool_size=3, strides=2, padding='valid')

    with tf.variable_scope('fc_1'):
        out = tf.contrib.layers.flatten(out)
        out = tf.layers.dense(out, 4096, kernel_regularizer=regularizer)  # expect: WD102
        out = tf.nn.relu(out)
        if is_training:
            out = tf.nn.dropout(out, keep_prob=0.5)
    with tf.variable_scope('fc_2'):
        logits = tf.layers.dense(out, params.num_labels)
    return logits


def model_fn(mode, inputs, params, reuse=False):
    is_training = (mode == 'train')
    labels = tf.cast(inputs['labels'], tf.int64)

    with tf.variable_scope('model', reuse=reuse):
        logits = build_model(is_training, inputs, params)
        predictions = tf.argmax(logits, 1)

    loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    accuracy = tf.reduce_mean(tf.cast(tf.equal(labels, predictions), tf.float32))

    if is_training:
        optimizer = tf.train.AdamOptimizer(params.learning_rate)
        global_step = tf.train.get_or_create_global_step()
        train_op = optimizer.minimize(loss, global_step=global_step)

    with tf.variable_scope('metrics'):
        metrics = {
            'accuracy': tf.metrics.accuracy(labels=labels, predictions=predictions),
            'loss': tf.metrics.mean(loss),
        }
    update_metrics_op = tf.group(*[op for _, op in metrics.values()])
    metric_variables = tf.get_collection(tf.GraphKeys.LOCAL_VARIABLES, scope='metrics')

    tf.summary.scalar('loss', loss)
    tf.summary.scalar('accuracy', accuracy)

    model_spec = inputs
    model_spec['variable_init_op'] = tf.global_variables_initializer()
    model_spec['predictions'] = predictions
    model_spec['loss'] = loss
    model_spec['accuracy'] = accuracy
    model_spec['metrics_init_op'] = tf.variables_initializer(metric_variables)
    model_spec['metrics'] = metrics
    model_spec['update_metrics'] = update_metrics_op
    model_spec['summary_op'] = tf.summary.merge_all()
    if is_training:
        model_spec['train_op'] = train_op
    return model_spec


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_dir', default='experiments/alexnet')
    parser.add_argument('--data_dir', default='data/64x64_SIGNS')
    args = parser.parse_args()

    params = Params(os.path.join(args.model_dir, 'params.json'))
    train_inputs = input_fn(True, os.path.join(args.data_dir, 'train_signs'), params)
    eval_inputs = input_fn(False, os.path.join(args.data_dir, 'dev_signs'), params)

    train_model_spec = model_fn('train', train_inputs, params)
    eval_model_spec = model_fn('eval', eval_inputs, params, reuse=True)
    train_and_evaluate(train_model_spec, eval_model_spec, args.model_dir, params)
