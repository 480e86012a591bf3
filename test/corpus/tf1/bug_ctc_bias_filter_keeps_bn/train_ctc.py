# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition examples/timit/training/train_ctc.py,
#   examples/timit/config/ctc/blstm_ctc_baseline.yml (weight_decay: 1e-6)
# What it reproduces: the training entry: hyper-parameters from a yaml config, the model built with
#   weight_decay=params['weight_decay'], the loss computed inside a tower name scope (the scope is passed
#   on so that compute_loss sums only this tower's 'losses'), and a session loop over a data-loader module
#   that is not part of this folder.
import sys

import tensorflow as tf
import yaml

from models.ctc import CTC
from data.load_dataset_ctc import Dataset


def do_train(params):
    train_data = Dataset(data_type='train', batch_size=params['batch_size'], splice=params['splice'])
    with tf.Graph().as_default():
        model = CTC(input_size=params['input_size'], num_units=params['num_units'],
                    num_layers=params['num_layers'], num_classes=params['num_classes'],
                    weight_decay=params['weight_decay'], clip_grad_norm=params['clip_grad_norm'])
        inputs = tf.placeholder(tf.float32, [None, None, params['input_size']], name='input')
        labels = tf.SparseTensor(tf.placeholder(tf.int64, name='indices'),
                                 tf.placeholder(tf.int32, name='values'),
                                 tf.placeholder(tf.int64, name='shape'))
        seq_len = tf.placeholder(tf.int32, [None], name='inputs_seq_len')
        keep_prob = tf.placeholder(tf.float32, name='keep_prob')
        lr = tf.placeholder(tf.float32, name='learning_rate')

        with tf.name_scope('tower_gpu0') as scope:
            loss_op, logits = model.compute_loss(inputs, labels, seq_len, keep_prob, scope=scope)
        train_op = model.train(loss_op, optimizer=params['optimizer'], learning_rate=lr)

        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for step, (data, is_new_epoch) in enumerate(train_data):
                x, y_sparse, x_len = data
                feed = {inputs: x, labels: y_sparse, seq_len: x_len,
                        keep_prob: 1 - params['dropout'], lr: params['learning_rate']}
                _, loss_val = sess.run([train_op, loss_op], feed_dict=feed)
                if step % params['print_step'] == 0:
                    print('step %d: loss = %.3f' % (step, loss_val))


if __name__ == '__main__':
    with open(sys.argv[1], 'r') as f:
        config = yaml.safe_load(f)
    do_train(config['param'])
