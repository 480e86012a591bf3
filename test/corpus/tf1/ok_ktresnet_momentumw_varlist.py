# Idiom seen in: kaiqi123/ktResnet ModelConstruct.py
# What it reproduces: the repo's MomentumWOptimizer training, written as a careful user would: the decoupled decay is
#   restricted with decay_var_list to the conv/dense kernels, so batch-norm gamma/beta and biases are not decayed, and
#   no L2 term is added to the loss on top. Clean.
import tensorflow as tf

from cifar_input import build_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer("batch_size", 128, "batch size")
tf.app.flags.DEFINE_integer("max_steps", 64000, "training steps")
tf.app.flags.DEFINE_float("weight_decay", 5e-4, "decoupled weight decay")


def conv_bn_relu(x, filters, stride, training, name):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, 3, strides=stride, padding="same", use_bias=False, name="conv")
        x = tf.layers.batch_normalization(x, training=training, name="bn")
        return tf.nn.relu(x)


def student_net(images, num_classes, training):
    x = conv_bn_relu(images, 16, 1, training, "stem")
    for i, (filters, stride) in enumerate([(32, 1), (64, 2), (128, 2)]):
        x = conv_bn_relu(x, filters, stride, training, "block%d_a" % i)
        x = conv_bn_relu(x, filters, 1, training, "block%d_b" % i)
    x = tf.reduce_mean(x, axis=[1, 2])
    return tf.layers.dense(x, num_classes, name="fc")


def main(_):
    images, labels = build_input("cifar10", "./cifar-10-batches-bin", FLAGS.batch_size, "train")
    logits = student_net(images, 10, training=True)
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))

    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.piecewise_constant(global_step, [32000, 48000], [0.1, 0.01, 0.001])
    decay_vars = [v for v in tf.trainable_variables() if v.name.endswith("kernel:0")]
    optimizer = tf.contrib.opt.MomentumWOptimizer(weight_decay=FLAGS.weight_decay,
                                                  learning_rate=learning_rate,
                                                  momentum=0.9, use_nesterov=True)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step=global_step, decay_var_list=decay_vars)

    with tf.train.MonitoredTrainingSession(checkpoint_dir="./student_ckpt",
                                           hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == "__main__":
    tf.app.run()
