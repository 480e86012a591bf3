# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition examples/librispeech/training/train_ctc.py
# What it reproduces: multi-GPU tower loop (name_scope 'tower_gpu%d', compute_gradients per tower, averaged);
# each tower trains on what CTC.compute_loss returns, which leaves the decay sum out (WD105 in ctc_model.py).
import sys

import tensorflow as tf
import yaml

from ctc_model import CTC
from utils.training.multi_gpu import average_gradients
from experiments.librispeech.data.load_dataset_ctc import Dataset


def do_train(model, params, gpu_indices):
    train_data = Dataset(data_type='train', batch_size=params['batch_size'],
                         num_gpu=len(gpu_indices))
    with tf.Graph().as_default(), tf.device('/cpu:0'):
        global_step = tf.Variable(0, name='global_step', trainable=False)
        learning_rate_pl = tf.placeholder(tf.float32, name='learning_rate')
        optimizer = model._set_optimizer(params['optimizer'], learning_rate_pl)

        total_grads_and_vars, total_losses = [], []
        with tf.variable_scope(tf.get_variable_scope()):
            for i_gpu in range(len(gpu_indices)):
                with tf.device('/gpu:%d' % i_gpu):
                    with tf.name_scope('tower_gpu%d' % i_gpu) as scope:
                        inputs = tf.placeholder(tf.float32, [None, None, model.input_size])
                        labels = tf.SparseTensor(tf.placeholder(tf.int64), tf.placeholder(tf.int32),
                                                 tf.placeholder(tf.int64))
                        seq_len = tf.placeholder(tf.int32, [None])
                        keep_prob = tf.placeholder(tf.float32)
                        tower_loss, _ = model.compute_loss(inputs, labels, seq_len, keep_prob, scope)
                        total_losses.append(tf.expand_dims(tower_loss, axis=0))
                        tf.get_variable_scope().reuse_variables()
                        grads = optimizer.compute_gradients(tower_loss)
                        total_grads_and_vars.append(model.clip_gradients(grads))

        loss_op = tf.reduce_mean(tf.concat(total_losses, axis=0))
        train_op = optimizer.apply_gradients(average_gradients(total_grads_and_vars),
                                             global_step=global_step)
        with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
            sess.run(tf.global_variables_initializer())
            for step, batch in enumerate(train_data):
                feed = train_data.feed_dict(batch, learning_rate=params['learning_rate'])
                _, loss_val = sess.run([train_op, loss_op], feed_dict=feed)
                if step % 200 == 0:
                    print('step %d: loss = %.3f' % (step, loss_val))


def main(config_path, gpu_indices):
    with open(config_path, 'r') as f:
        params = yaml.load(f)['param']
    model = CTC(input_size=params['input_size'], num_units=params['num_units'],
                num_layers=params['num_layers'], num_classes=params['num_classes'],
                clip_grad_norm=params['clip_grad_norm'], weight_decay=params['weight_decay'])
    do_train(model=model, params=params, gpu_indices=gpu_indices)


if __name__ == '__main__':
    main(config_path=sys.argv[1], gpu_indices=list(map(int, sys.argv[2].split(','))))
