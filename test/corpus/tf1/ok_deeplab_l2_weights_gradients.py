# Idiom seen in: ALISCIFP/tensorflow-deeplab-resnet train.py
# What it reproduces: DeepLab-ResNet fine-tuning: l2 terms weight_decay * l2_loss(v) over the trainable 'weights'
#   variables are added to the pixel-wise loss, and tf.gradients of that sum feed three MomentumOptimizers with
#   different learning rates (conv 1x, fc weights 10x, fc biases 20x). Clean.
import argparse

import tensorflow as tf

from deeplab_resnet import DeepLabResNetModel, ImageReader, prepare_label

BATCH_SIZE = 10
LEARNING_RATE = 2.5e-4
MOMENTUM = 0.9
NUM_CLASSES = 21
NUM_STEPS = 20001
POWER = 0.9
WEIGHT_DECAY = 0.0005


def get_arguments():
    parser = argparse.ArgumentParser(description="DeepLab-ResNet Network")
    parser.add_argument("--data-dir", type=str, default="./dataset/VOC2012")
    parser.add_argument("--data-list", type=str, default="./dataset/train.txt")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--learning-rate", type=float, default=LEARNING_RATE)
    parser.add_argument("--momentum", type=float, default=MOMENTUM)
    parser.add_argument("--num-classes", type=int, default=NUM_CLASSES)
    parser.add_argument("--num-steps", type=int, default=NUM_STEPS)
    parser.add_argument("--power", type=float, default=POWER)
    parser.add_argument("--weight-decay", type=float, default=WEIGHT_DECAY,
                        help="Regularisation parameter for L2-loss.")
    return parser.parse_args()


def main():
    args = get_arguments()
    coord = tf.train.Coordinator()
    reader = ImageReader(args.data_dir, args.data_list, (321, 321), coord)
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

    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=prediction, labels=gt)
    l2_losses = [args.weight_decay * tf.nn.l2_loss(v) for v in tf.trainable_variables() if "weights" in v.name]
    reduced_loss = tf.reduce_mean(loss) + tf.add_n(l2_losses)

    step_ph = tf.placeholder(dtype=tf.float32, shape=())
    learning_rate = tf.scalar_mul(args.learning_rate, tf.pow((1 - step_ph / args.num_steps), args.power))
    opt_conv = tf.train.MomentumOptimizer(learning_rate, args.momentum)
    opt_fc_w = tf.train.MomentumOptimizer(learning_rate * 10.0, args.momentum)
    opt_fc_b = tf.train.MomentumOptimizer(learning_rate * 20.0, args.momentum)

    grads = tf.gradients(reduced_loss, conv_trainable + fc_w_trainable + fc_b_trainable)
    grads_conv = grads[:len(conv_trainable)]
    grads_fc_w = grads[len(conv_trainable):(len(conv_trainable) + len(fc_w_trainable))]
    grads_fc_b = grads[(len(conv_trainable) + len(fc_w_trainable)):]

    train_op = tf.group(opt_conv.apply_gradients(zip(grads_conv, conv_trainable)),
                        opt_fc_w.apply_gradients(zip(grads_fc_w, fc_w_trainable)),
                        opt_fc_b.apply_gradients(zip(grads_fc_b, fc_b_trainable)))

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        threads = tf.train.start_queue_runners(coord=coord, sess=sess)
        for step in range(args.num_steps):
            loss_value, _ = sess.run([reduced_loss, train_op], feed_dict={step_ph: step})
            if step % 100 == 0:
                print("step {:d} \t loss = {:.3f}".format(step, loss_value))
        coord.request_stop()
        coord.join(threads)


if __name__ == "__main__":
    main()
