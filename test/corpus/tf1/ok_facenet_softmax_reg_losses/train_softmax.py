# Idiom seen in: davidsandberg/facenet src/train_softmax.py
# What it reproduces: the model is imported by name (importlib), the logits layer gets its own slim regularizer,
#   prelogits norm / center loss are added to REGULARIZATION_LOSSES, and
#   total_loss = add_n([cross_entropy_mean] + regularization_losses) goes to facenet.train (clean).
import argparse
import importlib
import sys

import tensorflow as tf
import tensorflow.contrib.slim as slim

import facenet
import face_input


def main(args):
    network = importlib.import_module(args.model_def)
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False)
        image_batch, label_batch, nrof_classes = face_input.batch(args.data_dir, args.batch_size)
        learning_rate_placeholder = tf.placeholder(tf.float32, name='learning_rate')
        phase_train_placeholder = tf.placeholder(tf.bool, name='phase_train')

        prelogits, _ = network.inference(image_batch, args.keep_probability,
                                         phase_train=phase_train_placeholder,
                                         bottleneck_layer_size=args.embedding_size,
                                         weight_decay=args.weight_decay)
        logits = slim.fully_connected(prelogits, nrof_classes, activation_fn=None,
                                      weights_initializer=slim.initializers.xavier_initializer(),
                                      weights_regularizer=slim.l2_regularizer(args.weight_decay),
                                      scope='Logits', reuse=False)

        prelogits_norm = tf.reduce_mean(tf.norm(tf.abs(prelogits) + 1e-4, ord=1.0, axis=1))
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, prelogits_norm * args.prelogits_norm_loss_factor)

        learning_rate = tf.train.exponential_decay(learning_rate_placeholder, global_step,
                                                   args.learning_rate_decay_epochs * args.epoch_size,
                                                   args.learning_rate_decay_factor, staircase=True)
        cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=label_batch, logits=logits, name='cross_entropy_per_example')
        cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
        tf.add_to_collection('losses', cross_entropy_mean)

        regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        total_loss = tf.add_n([cross_entropy_mean] + regularization_losses, name='total_loss')

        train_op = facenet.train(total_loss, global_step, args.optimizer, learning_rate,
                                 args.moving_average_decay, tf.global_variables())

        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        for step in range(args.max_nrof_epochs * args.epoch_size):
            feed_dict = {learning_rate_placeholder: args.learning_rate, phase_train_placeholder: True}
            loss_value, _ = sess.run([total_loss, train_op], feed_dict=feed_dict)
            if step % 100 == 0:
                print('step %d loss %2.3f' % (step, loss_value))


def parse_arguments(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, default='~/datasets/casia/casia_maxpy_mtcnnalign_182_160')
    parser.add_argument('--model_def', type=str, default='inception_resnet_v1')
    parser.add_argument('--max_nrof_epochs', type=int, default=100)
    parser.add_argument('--batch_size', type=int, default=90)
    parser.add_argument('--epoch_size', type=int, default=1000)
    parser.add_argument('--embedding_size', type=int, default=128)
    parser.add_argument('--keep_probability', type=float, default=1.0)
    parser.add_argument('--weight_decay', type=float, default=5e-4, help='L2 weight regularization.')
    parser.add_argument('--prelogits_norm_loss_factor', type=float, default=5e-4)
    parser.add_argument('--optimizer', type=str, choices=['ADAGRAD', 'ADAM', 'RMSPROP', 'MOM'], default='ADAM')
    parser.add_argument('--learning_rate', type=float, default=0.05)
    parser.add_argument('--learning_rate_decay_epochs', type=int, default=100)
    parser.add_argument('--learning_rate_decay_factor', type=float, default=1.0)
    parser.add_argument('--moving_average_decay', type=float, default=0.9999)
    return parser.parse_args(argv)


if __name__ == '__main__':
    main(parse_arguments(sys.argv[1:]))
