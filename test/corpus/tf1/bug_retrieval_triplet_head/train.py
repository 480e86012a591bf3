# Idiom seen in: ahmdtaha/tf_retrieval_baseline train.py
# Idiom seen in: ahmdtaha/tf_retrieval_baseline heads/fc1024.py
# What it reproduces: the retrieval trainer builds l2_regularizer(weight_decay), passes it to the embedding head and
#   then minimizes tf.reduce_mean(triplet_loss) alone; the regularization losses are never summed in (WD102 is
#   reported on the head's weights_regularizer= keywords).
import argparse
import numpy as np
import tensorflow as tf
import common
from nets import resnet_v1_50 as model
from ranking.hard_triplet import batch_hard
from ranking.semi_hard_triplet import triplet_semihard_loss
from fc1024_head import head as embedding_head

parser = argparse.ArgumentParser(description='Train a ReID / retrieval network.')
parser.add_argument('--experiment_root', default='./experiments/cub')
parser.add_argument('--train_set', default='data/cub_train.csv')
parser.add_argument('--image_root', default='/data/CUB_200_2011/images')
parser.add_argument('--embedding_dim', default=128, type=int)
parser.add_argument('--batch_p', default=18, type=int)
parser.add_argument('--batch_k', default=4, type=int)
parser.add_argument('--margin', default='soft')
parser.add_argument('--metric', default='euclidean')
parser.add_argument('--loss', default='hard_triplet', choices=['hard_triplet', 'semi_hard_triplet'])
parser.add_argument('--learning_rate', default=3e-4, type=float)
parser.add_argument('--train_iterations', default=25000, type=int)
parser.add_argument('--decay_start_iteration', default=15000, type=int)
parser.add_argument('--optimizer', default='adam', choices=['adam', 'momentum'])


def main():
    args = parser.parse_args()
    pids, fids = common.load_dataset(args.train_set, args.image_root)
    dataset = common.pk_dataset(pids, fids, args.batch_p, args.batch_k, image_root=args.image_root)
    images, fids, pids = dataset.make_one_shot_iterator().get_next()

    weight_decay = 10e-4
    weights_regularizer = tf.contrib.layers.l2_regularizer(scale=weight_decay)
    endpoints, body_prefix = model.endpoints(images, is_training=True)
    with tf.name_scope('head'):
        endpoints = embedding_head(endpoints, args.embedding_dim, is_training=True,
                                   weights_regularizer=weights_regularizer)

    batch_embedding = endpoints['emb']
    if args.loss == 'semi_hard_triplet':
        triplet_loss = triplet_semihard_loss(batch_embedding, pids, args.margin)
    else:
        triplet_loss = batch_hard(batch_embedding, pids, args.margin, args.metric)
    loss_mean = tf.reduce_mean(triplet_loss)

    model_variables = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, body_prefix)
    global_step = tf.Variable(0, name='global_step', trainable=False)
    if 0 <= args.decay_start_iteration < args.train_iterations:
        learning_rate = tf.train.polynomial_decay(args.learning_rate, global_step, args.train_iterations,
                                                  end_learning_rate=1e-7, power=1)
    else:
        learning_rate = args.learning_rate
    if args.optimizer == 'adam':
        optimizer = tf.train.AdamOptimizer(learning_rate)
    else:
        optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=0.9)

    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(loss_mean, global_step=global_step)

    checkpoint_saver = tf.train.Saver(max_to_keep=2)
    with tf.Session(config=tf.ConfigProto(gpu_options=tf.GPUOptions(allow_growth=True))) as sess:
        sess.run(tf.global_variables_initializer())
        tf.train.Saver(model_variables).restore(sess, common.pretrained_checkpoint(args))
        for i in range(args.train_iterations):
            _, b_loss, step = sess.run([train_op, loss_mean, global_step])
            if i % 100 == 0:
                print('iter {:6d} loss {:.4f}'.format(step, float(np.mean(b_loss))))
            if i % 1000 == 0:
                checkpoint_saver.save(sess, args.experiment_root + '/checkpoint', global_step=step)


if __name__ == '__main__':
    main()
