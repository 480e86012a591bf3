# Idiom seen in: ry/tensorflow-resnet resnet_train.py
# What it reproduces: the trainer pulls everything in with a star import, takes loss(logits, labels) and applies Momentum gradients computed from it, grouping the BN update collection into the train op (clean).
from resnet_model import *
import tensorflow as tf

from cifar_records import distorted_inputs

MOMENTUM = 0.9
FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string("train_dir", "/tmp/resnet_train", "checkpoint dir")
tf.app.flags.DEFINE_float("learning_rate", 0.1, "learning rate.")
tf.app.flags.DEFINE_integer("batch_size", 128, "batch size")
tf.app.flags.DEFINE_integer("max_steps", 64000, "max steps")


def train(is_training, logits, labels):
    global_step = tf.get_variable("global_step", [], initializer=tf.constant_initializer(0), trainable=False)
    loss_ = loss(logits, labels)
    ema = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
    tf.add_to_collection(UPDATE_OPS_COLLECTION, ema.apply([loss_]))
    opt = tf.train.MomentumOptimizer(FLAGS.learning_rate, MOMENTUM)
    grads = opt.compute_gradients(loss_)
    apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
    batchnorm_updates_op = tf.group(*tf.get_collection(UPDATE_OPS_COLLECTION))
    train_op = tf.group(apply_gradient_op, batchnorm_updates_op)

    saver = tf.train.Saver(tf.global_variables())
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    tf.train.start_queue_runners(sess=sess)
    for step in range(FLAGS.max_steps):
        _, loss_value = sess.run([train_op, loss_], {is_training: True})
        if step % 100 == 0:
            print("step %d, loss = %.2f" % (step, loss_value))
        if step > 1 and step % 5000 == 0:
            saver.save(sess, FLAGS.train_dir + "/model.ckpt", global_step=global_step)


def main(_):
    images, labels = distorted_inputs(FLAGS.batch_size)
    is_training = tf.placeholder("bool", [], name="is_training")
    logits = inference_small(images, is_training=is_training, num_blocks=3, num_classes=10)
    train(is_training, logits, labels)


if __name__ == "__main__":
    tf.app.run()
