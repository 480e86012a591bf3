# Idiom seen in: cs230-stanford/cs230-code-examples tensorflow/vision/model/training.py
# What it reproduces: train_sess runs model_spec['train_op'] (built on loss + regularization) each step.
import logging
import os

import tensorflow as tf


def train_sess(sess, model_spec, num_steps, writer, params):
    loss = model_spec['loss']
    train_op = model_spec['train_op']
    update_metrics = model_spec['update_metrics']
    summary_op = model_spec['summary_op']
    global_step = tf.train.get_global_step()

    sess.run(model_spec['iterator_init_op'])
    sess.run(model_spec['metrics_init_op'])
    for i in range(num_steps):
        if i % params.save_summary_steps == 0:
            _, _, loss_val, summ, step = sess.run([train_op, update_metrics, loss, summary_op, global_step])
            writer.add_summary(summ, step)
        else:
            _, _, loss_val = sess.run([train_op, update_metrics, loss])
    metrics_values = {k: v[0] for k, v in model_spec['metrics'].items()}
    logging.info('- Train metrics: ' + str(sess.run(metrics_values)))


def train_and_evaluate(train_model_spec, eval_model_spec, model_dir, params):
    saver = tf.train.Saver(max_to_keep=5)
    with tf.Session() as sess:
        sess.run(train_model_spec['variable_init_op'])
        writer = tf.summary.FileWriter(os.path.join(model_dir, 'train_summaries'), sess.graph)
        for epoch in range(params.num_epochs):
            num_steps = (params.train_size + params.batch_size - 1) // params.batch_size
            train_sess(sess, train_model_spec, num_steps, writer, params)
            saver.save(sess, os.path.join(model_dir, 'last_weights', 'after-epoch'), global_step=epoch + 1)
