# Idiom seen in: DrSleep/tensorflow-deeplab-resnet train.py
# What it reproduces: DeepLab-ResNet training with three Momentum optimizers (conv, fc weights x10, fc biases x20) fed from one tf.gradients call; the hand-written l2_losses list is built, but the loss is switched to tf.losses.get_total_loss(), which does not contain it (bug: decay term discarded, WD104).
import argparse
import time

import tensorflow as tf

from deeplab_resnet import DeepLabResNetModel, ImageReader, prepare_label

IMG_MEAN = (104.00698793, 116.66876762, 122.67891434)


def get_arguments():
    parser = argparse.ArgumentParser(description="DeepLab-ResNet Network")
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--data-dir", type=str, default="/home/VOCdevkit")
    parser.add_argument("--data-list", type=str, default="./dataset/train.txt")
    parser.add_argument("--input-size", type=str, default="321,321")
    parser.add_argument("--learning-rate", type=float, default=2.5e-4)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--num-classes", type=int, default=21)
    parser.add_argument("--num-steps", type=int, default=20001)
    parser.add_argument("--power", type=float, default=0.9)
    parser.add_argument("--weight-decay", type=float, default=0.0005)
    parser.add_argument("--class-weights", type=float, nargs="*", default=None)
    parser.add_argument("--snapshot-dir", type=str, default="./snapshots/")
    return parser.parse_args()


def main():
    args = get_arguments()
    h, w = map(int, args.input_size.split(","))
    coord = tf.train.Coordinator()
    with tf.name_scope("create_inputs"):
        reader = ImageReader(args.data_dir, args.data_list, (h, w), True, True, 255, IMG_MEAN, coord)
        image_batch, label_batch = reader.dequeue(args.batch_size)

    net = DeepLabResNetModel({"data": image_batch}, is_training=False, num_classes=args.num_classes)
    raw_output = net.layers["fc1_voc12"]

    all_trainable = [v for v in tf.trainable_variables() if "beta" not in v.name and "gamma" not in v.name]
    fc_trainable = [v for v in all_trainable if "fc" in v.name]
    conv_trainable = [v for v in all_trainable if "fc" not in v.name]
    fc_w_trainable = [v for v in fc_trainable if "weights" in v.name]
    fc_b_trainable = [v for v in fc_trainable if "biases" in v.name]

    raw_prediction = tf.reshape(raw_output, [-1, args.num_classes])
    label_proc = prepare_label(label_batch, tf.stack(raw_output.get_shape()[1:3]),
                               num_classes=args.num_classes, one_hot=False)
    raw_gt = tf.reshape(label_proc, [-1])
    indices = tf.squeeze(tf.where(tf.less_equal(raw_gt, args.num_classes - 1)), 1)
    gt = tf.cast(tf.gather(raw_gt, indices), tf.int32)
    prediction = tf.gather(raw_prediction, indices)

    if args.class_weights:
        pixel_weights = tf.gather(tf.gather(args.class_weights, tf.cast(raw_gt, tf.int32)), indices)
    else:
        pixel_weights = 1.0
    tf.losses.sparse_softmax_cross_entropy(labels=gt, logits=prediction, weights=pixel_weights)
    l2_losses = [args.weight_decay * tf.nn.l2_loss(v) for v in tf.trainable_variables() if "weights" in v.name]  # expect: WD104
    reduced_loss = tf.losses.get_total_loss()

    step_ph = tf.placeholder(dtype=tf.float32, shape=())
    learning_rate = tf.scalar_mul(tf.constant(args.learning_rate),
                                  tf.pow((1 - step_ph / args.num_steps), args.power))
    opt_conv = tf.train.MomentumOptimizer(learning_rate, args.momentum)
    opt_fc_w = tf.train.MomentumOptimizer(learning_rate * 10.0, args.momentum)
    opt_fc_b = tf.train.MomentumOptimizer(learning_rate * 20.0, args.momentum)

    grads = tf.gradients(reduced_loss, conv_trainable + fc_w_trainable + fc_b_trainable)
    n_conv, n_fc_w = len(conv_trainable), len(fc_w_trainable)
    train_op = tf.group(
        opt_conv.apply_gradients(zip(grads[:n_conv], conv_trainable)),
        opt_fc_w.apply_gradients(zip(grads[n_conv:n_conv + n_fc_w], fc_w_trainable)),
        opt_fc_b.apply_gradients(zip(grads[n_conv + n_fc_w:], fc_b_trainable)))

    config = tf.ConfigProto()
    config.gpu_options.allow_growth = True
    sess = tf.Session(config=config)
    sess.run(tf.global_variables_initializer())
    saver = tf.train.Saver(var_list=tf.global_variables(), max_to_keep=10)
    threads = tf.train.start_queue_runners(coord=coord, sess=sess)
    for step in range(args.num_steps):
        start_time = time.time()
        loss_value, _ = sess.run([reduced_loss, train_op], feed_dict={step_ph: step})
        if step % 1000 == 0:
            saver.save(sess, args.snapshot_dir + "model.ckpt", global_step=step)
        print("step {:d} \t loss = {:.3f}, ({:.3f} sec/step)".format(step, loss_value, time.time() - start_time))
    coord.request_stop()
    coord.join(threads)


if __name__ == "__main__":
    main()
