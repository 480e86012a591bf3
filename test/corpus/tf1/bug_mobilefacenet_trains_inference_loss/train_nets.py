# Idiom seen in: sirius-ai/MobileFaceNet_TF train_nets.py
# Idiom seen in: sirius-ai/MobileFaceNet_TF utils/common.py
# Idiom seen in: sirius-ai/MobileFaceNet_TF nets/MobileFaceNet.py
# What it reproduces: slim weights_regularizer fills REGULARIZATION_LOSSES and train_nets.py sums them
# into total_loss (logged), but the train op is built from inference_loss (a user mistake in the repo's
# idiom; the repo trains total_loss): the sum of the regularization losses is never minimized.
"""Train MobileFaceNet with an additive-margin softmax head."""

import argparse
import os

import tensorflow as tf

from losses.face_losses import insightface_loss
from utils.data_process import parse_function
from mobilefacenet import inference
from common import train

slim = tf.contrib.slim


def get_parser():
    parser = argparse.ArgumentParser(description='parameters to train net')
    parser.add_argument('--max_epoch', default=12, type=int)
    parser.add_argument('--class_number', type=int, required=True)
    parser.add_argument('--embedding_size', type=int, default=128)
    parser.add_argument('--weight_decay', type=float, default=5e-5,
                        help='L2 weight regularization.')
    parser.add_argument('--lr_schedule', default=[4, 7, 9, 11])
    parser.add_argument('--train_batch_size', type=int, default=90)
    parser.add_argument('--tfrecords_file_path',
                        default='./datasets/faces_ms1m_112x112/tfrecords')
    parser.add_argument('--summary_path', default='./output/summary')
    parser.add_argument('--optimizer', type=str, default='ADAM',
                        choices=['ADAGRAD', 'ADAM', 'MOM'])
    parser.add_argument('--moving_average_decay', type=float, default=0.999)
    return parser.parse_args()


if __name__ == '__main__':
    args = get_parser()
    with tf.Graph().as_default():
        global_step = tf.Variable(name='global_step', initial_value=0,
                                  trainable=False)
        epoch = tf.Variable(name='epoch', initial_value=-1, trainable=False)
        phase_train_placeholder = tf.placeholder_with_default(
            tf.constant(False, dtype=tf.bool), shape=None, name='phase_train')

        tfrecords_f = os.path.join(args.tfrecords_file_path, 'tran.tfrecords')
        dataset = tf.data.TFRecordDataset(tfrecords_f)
        dataset = dataset.map(parse_function).shuffle(10000)
        dataset = dataset.batch(args.train_batch_size)
        iterator = dataset.make_initializable_iterator()
        inputs, labels = iterator.get_next()

        prelogits, net_points = inference(
            inputs, bottleneck_layer_size=args.embedding_size,
            phase_train=phase_train_placeholder,
            weight_decay=args.weight_decay)
        embeddings = tf.nn.l2_normalize(prelogits, 1, 1e-10, name='embeddings')

        w_init_method = slim.initializers.xavier_initializer()
        inference_loss, logit = insightface_loss(embeddings, labels,
                                                 args.class_number,
                                                 w_init_method)
        tf.add_to_collection('losses', inference_loss)

        # total losses
        regularization_losses = tf.get_collection(
            tf.GraphKeys.REGULARIZATION_LOSSES)
        total_loss = tf.add_n([inference_loss] + regularization_losses, name='total_loss')  # expect: WD105

        learning_rate = tf.train.piecewise_constant(
            epoch, boundaries=args.lr_schedule,
            values=[0.1, 0.01, 0.001, 0.0001, 0.00001], name='lr_schedule')

        summaries = []
        summaries.append(tf.summary.scalar('inference_loss', inference_loss))
        summaries.append(tf.summary.scalar('total_loss', total_loss))
        summaries.append(tf.summary.scalar('leraning_rate', learning_rate))

        # train op: the margin loss drives the embedding
        train_op = train(inference_loss, global_step, args.optimizer,
                         learning_rate, args.moving_average_decay,
                         tf.global_variables(), summaries)
        inc_epoch_op = tf.assign_add(epoch, 1, name='increment_epoch')
        summary_op = tf.summary.merge(summaries)

        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        summary = tf.summary.FileWriter(args.summary_path, sess.graph)
        count = 0
        for i in range(args.max_epoch):
            sess.run(iterator.initializer)
            _ = sess.run(inc_epoch_op)
            while True:
                try:
                    _, total_loss_val, inference_loss_val = sess.run(
                        [train_op, total_loss, inference_loss],
                        feed_dict={phase_train_placeholder: True})
                    count += 1
                    if count % 50 == 0:
                        print('epoch %d, step %d, total loss %.2f, inference loss %.2f'
                              % (i, count, total_loss_val, inference_loss_val))
                    if count % 400 == 0:
                        summary.add_summary(sess.run(
                            summary_op,
                            feed_dict={phase_train_placeholder: True}), count)
                except tf.errors.OutOfRangeError:
                    break
