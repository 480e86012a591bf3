# Idiom seen in: hyperconnect/TC-ResNet helper/trainer.py
# What it reproduces: argparse trainer that picks Adam or Momentum and minimizes model.total_loss (cross entropy
#   plus the hand-written L2 of audio_nets.build_loss); REGULARIZATION_LOSSES is never read anywhere.
import argparse

import tensorflow as tf

from audio_nets import AudioNetModel, TCResNet8Model
from datasets.audio_data_wrapper import AudioDataWrapper


def build_optimizer(args, learning_rate):
    if args.optimizer == "adam":
        return tf.train.AdamOptimizer(learning_rate=learning_rate)
    elif args.optimizer == "mom":
        return tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=args.momentum)
    raise ValueError(args.optimizer)


def main(args):
    dataset = AudioDataWrapper(args, is_training=True)
    inputs, labels = dataset.get_input_and_output_op()

    model = TCResNet8Model(args, dataset)
    model.build(inputs, labels, is_training=True)

    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.piecewise_constant(global_step, args.boundaries, args.lr_list)
    optimizer = build_optimizer(args, learning_rate)

    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        grads_and_vars = optimizer.compute_gradients(model.total_loss, var_list=tf.trainable_variables())
        train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        dataset.setup_iterator(sess)
        for step in range(args.max_step_from_restore):
            _, loss_value = sess.run([train_op, model.total_loss])
            if step % args.step_evaluation == 0:
                print("step %d  total_loss %.4f" % (step, loss_value))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--optimizer", default="mom", choices=["adam", "mom"])
    parser.add_argument("--momentum", default=0.9, type=float)
    parser.add_argument("--boundaries", nargs="+", type=int, default=[10000, 20000])
    parser.add_argument("--lr_list", nargs="+", type=float, default=[0.1, 0.01, 0.001])
    parser.add_argument("--num_classes", default=12, type=int)
    parser.add_argument("--max_step_from_restore", default=30000, type=int)
    parser.add_argument("--step_evaluation", default=500, type=int)
    AudioNetModel.add_arguments(parser)
    TCResNet8Model.add_arguments(parser)
    main(parser.parse_args())
