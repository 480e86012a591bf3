# Idiom seen in: jiegzhan/multi-class-text-classification-cnn text_cnn.py
# Idiom seen in: jiegzhan/multi-class-text-classification-cnn train.py
# What it reproduces: TextCNN accumulates l2_loss over the output layer and builds the loss as
# mean(losses) - l2_reg_lambda * l2_loss (sign slip): the penalty rewards larger weights.
import json
import sys

import numpy as np
import tensorflow as tf
from tensorflow.contrib import learn

import data_helper
from text_cnn import TextCNN

DEFAULT_PARAMS = {
    'num_epochs': 1, 'batch_size': 128, 'num_filters': 32, 'filter_sizes': '3,4,5',
    'embedding_dim': 300, 'l2_reg_lambda': 0.1, 'dropout_keep_prob': 0.5, 'evaluate_every': 200,
}


def train_cnn():
    input_file = sys.argv[1]
    params = dict(DEFAULT_PARAMS)

    x_raw, y_raw, df, labels = data_helper.load_data_and_labels(input_file)
    max_document_length = max([len(x.split(' ')) for x in x_raw])
    vocab_processor = learn.preprocessing.VocabularyProcessor(max_document_length)
    x = np.array(list(vocab_processor.fit_transform(x_raw)))
    y = np.array(y_raw)

    graph = tf.Graph()
    with graph.as_default():
        sess = tf.Session()
        with sess.as_default():
            cnn = TextCNN(
                sequence_length=x.shape[1],
                num_classes=y.shape[1],
                vocab_size=len(vocab_processor.vocabulary_),
                embedding_size=params['embedding_dim'],
                filter_sizes=list(map(int, params['filter_sizes'].split(','))),
                num_filters=params['num_filters'],
                l2_reg_lambda=params['l2_reg_lambda'])

            global_step = tf.Variable(0, name='global_step', trainable=False)
            optimizer = tf.train.AdamOptimizer(1e-3)
            grads_and_vars = optimizer.compute_gradients(cnn.loss)
            train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)

            sess.run(tf.global_variables_initializer())
            train_batches = data_helper.batch_iter(list(zip(x, y)), params['batch_size'], params['num_epochs'])
            for train_batch in train_batches:
                x_batch, y_batch = zip(*train_batch)
                feed_dict = {cnn.input_x: x_batch, cnn.input_y: y_batch,
                             cnn.dropout_keep_prob: params['dropout_keep_prob']}
                _, step, loss, acc = sess.run([train_op, global_step, cnn.loss, cnn.accuracy], feed_dict)
            print(json.dumps({'step': int(step), 'loss': float(loss)}))


if __name__ == '__main__':
    train_cnn()
