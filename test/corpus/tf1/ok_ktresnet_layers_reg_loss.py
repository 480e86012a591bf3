# Idiom seen in: kaiqi123/ktResnet ModelConstruct.py
# What it reproduces: the repo's teacher/student training (tf.layers conv + batch norm, Nesterov momentum, update ops,
#   MonitoredTrainingSession) with the decay written as TF1 regularizers instead of MomentumWOptimizer:
#   kernel_regularizer on the conv/dense kernels and tf.losses.get_regularization_loss() added to the minimized
#   loss. Clean.
import tensorflow as tf

from cifar_input import build_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer("batch_size", 128, "batch size")
tf.app.flags.DEFINE_integer("max_steps", 64000, "training steps")
tf.app.flags.DEFINE_float("weight_decay", 5e-4, "L2 scale")


def conv_bn_relu(x, filters, stride, training, regularizer, name):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, 3, strides=stride, padding="same", use_bias=False,
                             kernel_regularizer=regularizer, name="conv")
        x = tf.layers.batch_normalization(x, training=training, name="bn")
        return tf.nn.relu(x)


def inference(images, training, regularizer):
    x = conv_bn_relu(images, 16, 1, training, regularizer, "stem")
    for i, (filters, stride) in enumerate([(32, 1), (64, 2), (128, 2)]):
        x = conv_bn_relu(x, filters, stride, training, regularizer, "block%d_a" % i)
        x = conv_bn_relu(x, filters, 1, training, regularizer, "block%d_b" % i)
    x = tf.reduce_mean(x, axis=[1, 2])
    return tf.layers.dense(x, 10, kernel_regularizer=regularizer, name="fc")


def main(_):
    images, labels = build_input("cifar10", "./cifar-10-batches-bin", FLAGS.batch_size, "train")
    regularizer = tf.contrib.layers.l2_regularizer(FLAGS.weight_decay)
    logits = inference(images, True, regularizer)

    xent = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    loss = xent + tf.losses.get_regularization_loss()
    tf.summary.scalar("xent", xent)
    tf.summary.scalar("total_loss", loss)

    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.piecewise_constant(global_step, [32000, 48000], [0.1, 0.01, 0.001])
    optimizer = tf.train.MomentumOptimizer(learning_rate, 0.9, use_nesterov=True)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step=global_step)

    with tf.train.MonitoredTrainingSession(checkpoint_dir="./ckpt", save_summaries_steps=100,
                                           hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == "__main__":
    tf.app.run()
