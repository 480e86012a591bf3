# Idiom seen in: kaiqi123/ktResnet ModelConstruct.py
# What it reproduces: a user ports the repo's MomentumWOptimizer (decoupled decay on the kernels) but keeps the L2 term
#   of an older script in the loss: the same kernels are decayed twice (WD201 at the hand-written penalty).
import tensorflow as tf

from cifar_input import build_input

WEIGHT_DECAY = 5e-4
BATCH_SIZE = 128
MAX_STEPS = 64000


def conv_bn_relu(x, filters, stride, training, name):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, 3, strides=stride, padding="same", use_bias=False, name="conv")
        x = tf.layers.batch_normalization(x, training=training, name="bn")
        return tf.nn.relu(x)


def inference(images, training):
    x = conv_bn_relu(images, 16, 1, training, "stem")
    for i, (filters, stride) in enumerate([(32, 1), (64, 2), (128, 2)]):
        x = conv_bn_relu(x, filters, stride, training, "block%d_a" % i)
        x = conv_bn_relu(x, filters, 1, training, "block%d_b" % i)
    x = tf.reduce_mean(x, axis=[1, 2])
    return tf.layers.dense(x, 10, name="fc")


def main(_):
    images, labels = build_input("cifar10", "./cifar-10-batches-bin", BATCH_SIZE, "train")
    logits = inference(images, training=True)
    xent = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))

    kernels = [v for v in tf.trainable_variables() if v.name.endswith("kernel:0")]
    l2 = WEIGHT_DECAY * tf.add_n([tf.nn.l2_loss(v) for v in kernels])  # expect: WD201
    loss = xent + l2

    global_step = tf.train.get_or_create_global_step()
    learning_rate = tf.train.piecewise_constant(global_step, [32000, 48000], [0.1, 0.01, 0.001])
    optimizer = tf.contrib.opt.MomentumWOptimizer(weight_decay=WEIGHT_DECAY, learning_rate=learning_rate,
                                                  momentum=0.9, use_nesterov=True)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(loss, global_step=global_step, decay_var_list=kernels)

    with tf.train.MonitoredTrainingSession(checkpoint_dir="./ckpt",
                                           hooks=[tf.train.StopAtStepHook(last_step=MAX_STEPS)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == "__main__":
    tf.app.run()
