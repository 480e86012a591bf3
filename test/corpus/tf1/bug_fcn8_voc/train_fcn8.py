# Idiom seen in: MarvinTeichmann/tensorflow-fcn loss.py
# What it reproduces: a short training driver that builds FCN8VGG, takes seg_loss.loss and minimizes it with Adam; the decay terms of the score and upsampling layers never reach this loss.
import argparse

import tensorflow as tf

import fcn8_model
import seg_loss
from voc_pipeline import make_batches


def parse_args():
    parser = argparse.ArgumentParser(description="Finetune FCN8 on VOC")
    parser.add_argument("--vgg16_npy", default="vgg16.npy")
    parser.add_argument("--train_list", default="train.txt")
    parser.add_argument("--num_classes", type=int, default=21)
    parser.add_argument("--lr", type=float, default=1e-6)
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--logdir", default="runs/fcn8")
    return parser.parse_args()


def main():
    args = parse_args()
    images, onehot_labels = make_batches(args.train_list, args.num_classes, batch_size=1)
    vgg_fcn = fcn8_model.FCN8VGG(args.vgg16_npy)
    with tf.name_scope("content_vgg"):
        logits = vgg_fcn.build(images, train=True, num_classes=args.num_classes)
    total_loss = seg_loss.loss(logits, onehot_labels, args.num_classes)
    tf.summary.scalar("total_loss", total_loss)
    global_step = tf.train.get_or_create_global_step()
    train_op = tf.train.AdamOptimizer(args.lr).minimize(total_loss, global_step=global_step)
    hooks = [tf.train.StopAtStepHook(last_step=args.steps)]
    with tf.train.MonitoredTrainingSession(checkpoint_dir=args.logdir, hooks=hooks) as sess:
        while not sess.should_stop():
            _, value = sess.run([train_op, total_loss])


if __name__ == "__main__":
    main()
