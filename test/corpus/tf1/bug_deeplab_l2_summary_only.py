# Idiom seen in: ALISCIFP/tensorflow-deeplab-resnet train.py
# What it reproduces: the DeepLab-ResNet training script with per-class weighted losses; a user's mistake (the repo adds
#   the l2 sum to reduced_loss): the weight-decay term is built on one line and only reported in TensorBoard, while
#   tf.gradients differentiates the bare data loss (WD104 at the term).
import argparse

import tensorflow as tf

from deeplab_resnet import DeepLabResNetModel, ImageReader, prepare_label

IMG_MEAN = (104.00698793, 116.66876762, 122.67891434)
WEIGHT_DECAY = 0.0005


def get_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=str, default="./LUNA16")
    parser.add_argument("--data-list", type=str, default="./train.txt")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--num-classes", type=int, default=2)
    parser.add_argument("--num-steps", type=int, default=50000)
    parser.add_argument("--snapshot-dir", type=str, default="./snapshots")
    parser.add_argument("--weight-decay", type=float, default=WEIGHT_DECAY)
    return parser.parse_args()


def main():
    args = get_arguments()
    coord = tf.train.Coordinator()
    reader = ImageReader(args.data_dir, args.data_list, (321, 321), True, True, 255, IMG_MEAN, coord)
    image_batch, label_batch = reader.dequeue(args.batch_size)

    net = DeepLabResNetModel({"data": image_batch}, is_training=True, num_classes=args.num_classes)
    raw_output = net.layers["fc1_voc12"]
    trainable = [v for v in tf.trainable_variables() if "beta" not in v.name and "gamma" not in v.name]

    raw_prediction = tf.reshape(raw_output, [-1, args.num_classes])
    label_proc = prepare_label(label_batch, tf.stack(raw_output.get_shape()[1:3]),
                               num_classes=args.num_classes, one_hot=False)
    gt = tf.cast(tf.reshape(label_proc, [-1]), tf.int32)

    class_weights = tf.constant([0.1, 0.9], dtype=tf.float32)
    per_class = []
    for i in range(args.num_classes):
        mask = tf.cast(tf.equal(gt, i), tf.float32)
        per_class.append(class_weights[i] * tf.losses.sparse_softmax_cross_entropy(
            logits=raw_prediction, labels=gt, weights=mask))
    data_loss = tf.reduce_mean(tf.stack(per_class))

    l2_loss = args.weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables() if "weights" in v.name])  # expect: WD104
    tf.summary.scalar("data_loss", data_loss)
    tf.summary.scalar("l2_loss", l2_loss)
    summary_op = tf.summary.merge_all()

    optimizer = tf.train.MomentumOptimizer(args.learning_rate, args.momentum)
    grads = tf.gradients(data_loss, trainable)
    train_op = optimizer.apply_gradients(zip(grads, trainable))

    writer = tf.summary.FileWriter(args.snapshot_dir, graph=tf.get_default_graph())
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        threads = tf.train.start_queue_runners(coord=coord, sess=sess)
        for step in range(args.num_steps):
            summary, loss_value, _ = sess.run([summary_op, data_loss, train_op])
            writer.add_summary(summary, step)
        coord.request_stop()
        coord.join(threads)


if __name__ == "__main__":
    main()
