# Idiom seen in: jingyi1997/CosFace train/train_multi_gpu.py
# Idiom seen in: jingyi1997/CosFace networks/sphere_network.py
# What it reproduces: multi-GPU towers; each tower computes the CosFace loss plus
#   args.weight_decay * add_n(REGULARIZATION_LOSSES), the towers are averaged and that total is what
#   compute_gradients differentiates. Clean.
import argparse
import sys
import time
import tensorflow as tf

import facenet_data
import sphere_network as network


def main(args):
    train_set = facenet_data.get_dataset(args.data_dir)
    nrof_classes = len(train_set)
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False)
        learning_rate_placeholder = tf.placeholder(tf.float32, name='learning_rate')
        image_batch, label_batch = facenet_data.input_pipeline(train_set, args.batch_size * args.num_gpus,
                                                               args.image_height, args.image_width)
        batch_image_split = tf.split(image_batch, args.num_gpus)
        batch_label_split = tf.split(label_batch, args.num_gpus)

        learning_rate = tf.train.exponential_decay(learning_rate_placeholder, global_step,
                                                   args.learning_rate_decay_epochs * args.epoch_size,
                                                   args.learning_rate_decay_factor, staircase=True)
        if args.optimizer == 'ADAGRAD':
            opt = tf.train.AdagradOptimizer(learning_rate)
        else:
            opt = tf.train.MomentumOptimizer(learning_rate, 0.9)

        tower_losses = []
        tower_reg = []
        for i in range(args.num_gpus):
            with tf.device('/gpu:' + str(i)):
                with tf.name_scope('tower_' + str(i)):
                    with tf.variable_scope(tf.get_variable_scope()):
                        reuse = False if i == 0 else True
                        prelogits = network.infer(batch_image_split[i], args.embedding_size)
                        coco_loss = network.cos_loss(prelogits, batch_label_split[i], nrof_classes, reuse,
                                                     alpha=args.alpha, scale=args.scale)
                        regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
                        reg_loss = args.weight_decay * tf.add_n(regularization_losses)
                        loss = coco_loss + reg_loss
                        tower_losses.append(loss)
                        tower_reg.append(reg_loss)
                        tf.get_variable_scope().reuse_variables()
        total_loss = tf.reduce_mean(tower_losses)
        total_reg = tf.reduce_mean(tower_reg)

        grads = opt.compute_gradients(total_loss, tf.trainable_variables(), colocate_gradients_with_ops=True)
        apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            train_op = tf.group(apply_gradient_op)

        sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
        sess.run(tf.global_variables_initializer())
        coord = tf.train.Coordinator()
        tf.train.start_queue_runners(coord=coord, sess=sess)
        for step in range(args.max_nrof_epochs * args.epoch_size):
            start_time = time.time()
            _, err, reg = sess.run([train_op, total_loss, total_reg],
                                   feed_dict={learning_rate_placeholder: args.learning_rate})
            if step % 100 == 0:
                print('step %d  loss %.3f  reg %.3f  (%.3fs)' % (step, err, reg, time.time() - start_time))


def parse_arguments(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, default='~/datasets/casia/casia_maxpy_mtcnnalign_112x96')
    parser.add_argument('--num_gpus', type=int, default=2)
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--image_height', type=int, default=112)
    parser.add_argument('--image_width', type=int, default=96)
    parser.add_argument('--embedding_size', type=int, default=512)
    parser.add_argument('--alpha', type=float, default=0.25)
    parser.add_argument('--scale', type=float, default=64)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--optimizer', type=str, choices=['ADAGRAD', 'MOM'], default='MOM')
    parser.add_argument('--learning_rate', type=float, default=0.1)
    parser.add_argument('--learning_rate_decay_epochs', type=int, default=10)
    parser.add_argument('--learning_rate_decay_factor', type=float, default=0.1)
    parser.add_argument('--epoch_size', type=int, default=1000)
    parser.add_argument('--max_nrof_epochs', type=int, default=30)
    return parser.parse_args(argv)


if __name__ == '__main__':
    main(parse_arguments(sys.argv[1:]))
