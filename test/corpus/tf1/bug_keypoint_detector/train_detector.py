# Idiom seen in: axelBarroso/Key.Net train_network.py
# What it reproduces: Siamese training of the detector with multi-scale MSIP losses registered through tf.losses.add_loss and a total taken with get_total_loss(add_regularization_losses=False), then tf.contrib.training.create_train_op.
import argparse
import time

import tensorflow as tf

from keynet_model import KeyPointNet
from msip_loss import msip_loss_function
from patch_dataset import PatchDataset


def get_args():
    p = argparse.ArgumentParser("Train Key.Net-style detector")
    p.add_argument("--data_dir", default="data/ImageNet2012/")
    p.add_argument("--num_levels", type=int, default=3)
    p.add_argument("--factor_scaling", type=float, default=1.2)
    p.add_argument("--num_blocks", type=int, default=3)
    p.add_argument("--num_filters", type=int, default=8)
    p.add_argument("--conv_kernel_size", type=int, default=5)
    p.add_argument("--batch_size", type=int, default=32)
    p.add_argument("--init_lr", type=float, default=1e-3)
    p.add_argument("--num_epochs", type=int, default=30)
    p.add_argument("--weights_dir", default="keyNet/weights")
    return p.parse_args()


def main():
    args = get_args()
    msip_sizes = [8, 16, 24, 32, 40]
    msip_factors = [256.0, 64.0, 16.0, 4.0, 1.0]
    with tf.Graph().as_default():
        src = tf.placeholder(tf.float32, (None, None, None, 1), name="input_src")
        dst = tf.placeholder(tf.float32, (None, None, None, 1), name="input_dst")
        h_src_dst = tf.placeholder(tf.float32, (None, 8), name="H_src_2_dst")
        h_dst_src = tf.placeholder(tf.float32, (None, 8), name="H_dst_2_src")
        dims = tf.placeholder(tf.int32, (3,), name="dims")
        is_training = tf.placeholder(tf.bool, name="phase_train")

        net = KeyPointNet(args)
        src_maps = net.model(src, is_training, dims, reuse=False)
        dst_maps = net.model(dst, is_training, dims, reuse=True)

        global_step = tf.train.get_or_create_global_step()
        lr = tf.train.exponential_decay(args.init_lr, global_step, 10000, 0.5, staircase=True)
        optimizer = tf.train.AdamOptimizer(learning_rate=lr)

        for size, factor in zip(msip_sizes, msip_factors):
            level_loss = msip_loss_function(src, src_maps, dst_maps, size, h_src_dst, h_dst_src)
            tf.summary.scalar("MSIP_ws_%d" % size, level_loss)
            tf.losses.add_loss(factor * level_loss)

        total_loss = tf.losses.get_total_loss(add_regularization_losses=False)
        train_op = tf.contrib.training.create_train_op(total_loss, optimizer)
        merged = tf.summary.merge_all()

        dataset = PatchDataset(args.data_dir, args.batch_size)
        saver = tf.train.Saver()
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for epoch in range(args.num_epochs):
                start = time.time()
                for batch in dataset.epoch():
                    feed = {src: batch.src, dst: batch.dst, h_src_dst: batch.h_src_dst,
                            h_dst_src: batch.h_dst_src, dims: batch.dims, is_training: True}
                    _, loss_value, _ = sess.run([train_op, total_loss, merged], feed_dict=feed)
                saver.save(sess, args.weights_dir + "/model", global_step)
                print("epoch %d loss %.4f (%.1fs)" % (epoch, loss_value, time.time() - start))


if __name__ == "__main__":
    main()
