# Idiom seen in: FortiLeiZhang/model_zoo TensorFlow/facenet/src/train_tripletloss.py
# Idiom seen in: FortiLeiZhang/model_zoo TensorFlow/facenet/src/models/inception_resnet_v1.py
# What it reproduces: FaceNet triplet-loss training: inference() opens slim.arg_scope(weights_regularizer=l2(weight_decay))
#   and builds the net in a function called inside it; the script sums [triplet_loss] + REGULARIZATION_LOSSES and a
#   helper train() minimizes that total (clean). --weight_decay defaults to 0.0 on the command line, as in the repo.
import argparse
import os
import sys

import tensorflow as tf

import facenet
import inception_small as network
from triplet_data import build_input_pipeline, sample_people, select_triplets


def main(args):
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False)
        learning_rate_placeholder = tf.placeholder(tf.float32, name='learning_rate')
        phase_train_placeholder = tf.placeholder(tf.bool, name='phase_train')
        image_batch, labels_batch, enqueue_op = build_input_pipeline(args)

        prelogits, _ = network.inference(image_batch, args.keep_probability, phase_train=phase_train_placeholder,
                                         bottleneck_layer_size=args.embedding_size,
                                         weight_decay=args.weight_decay)
        embeddings = tf.nn.l2_normalize(prelogits, 1, 1e-10, name='embeddings')
        anchor, positive, negative = tf.unstack(tf.reshape(embeddings, [-1, 3, args.embedding_size]), 3, 1)
        triplet_loss = facenet.triplet_loss(anchor, positive, negative, args.alpha)

        learning_rate = tf.train.exponential_decay(learning_rate_placeholder, global_step,
                                                   args.learning_rate_decay_epochs * args.epoch_size,
                                                   args.learning_rate_decay_factor, staircase=True)
        regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        total_loss = tf.add_n([triplet_loss] + regularization_losses, name='total_loss')
        train_op = facenet.train(total_loss, global_step, args.optimizer, learning_rate,
                                 args.moving_average_decay, tf.global_variables())

        saver = tf.train.Saver(tf.trainable_variables(), max_to_keep=3)
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer(), feed_dict={phase_train_placeholder: True})
            for epoch in range(args.max_nrof_epochs):
                for batch in select_triplets(sess, embeddings, sample_people(args), args):
                    err, _, step = sess.run([total_loss, train_op, global_step],
                                            feed_dict={learning_rate_placeholder: args.learning_rate,
                                                       phase_train_placeholder: True, **batch})
                saver.save(sess, os.path.join(args.models_base_dir, 'model.ckpt'), global_step=step)


def parse_arguments(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument('--models_base_dir', type=str, default='~/models/facenet')
    parser.add_argument('--data_dir', type=str, default='~/datasets/casia/casia_maxpy_mtcnnalign_182_160')
    parser.add_argument('--max_nrof_epochs', type=int, default=500)
    parser.add_argument('--batch_size', type=int, default=90)
    parser.add_argument('--image_size', type=int, default=160)
    parser.add_argument('--people_per_batch', type=int, default=45)
    parser.add_argument('--images_per_person', type=int, default=40)
    parser.add_argument('--epoch_size', type=int, default=1000)
    parser.add_argument('--alpha', type=float, default=0.2)
    parser.add_argument('--embedding_size', type=int, default=128)
    parser.add_argument('--keep_probability', type=float, default=1.0)
    parser.add_argument('--weight_decay', type=float, default=0.0, help='L2 weight regularization.')
    parser.add_argument('--optimizer', type=str, choices=['ADAGRAD', 'ADAM', 'RMSPROP', 'MOM'], default='ADAGRAD')
    parser.add_argument('--learning_rate', type=float, default=0.1)
    parser.add_argument('--learning_rate_decay_epochs', type=int, default=100)
    parser.add_argument('--learning_rate_decay_factor', type=float, default=1.0)
    parser.add_argument('--moving_average_decay', type=float, default=0.9999)
    return parser.parse_args(argv)


if __name__ == '__main__':
    main(parse_arguments(sys.argv[1:]))
