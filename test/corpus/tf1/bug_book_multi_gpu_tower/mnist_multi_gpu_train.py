# Idiom seen in: linchaolong-learn/TensorflowLearn mnist_multi_gpu_train.py
# What it reproduces: the book's multi-GPU tower training (per-tower get_loss under name_scope('GPU_%d'), shared
#   variables, average_gradients, apply on CPU); a user's mistake (the repo adds tf.add_n(tf.get_collection('losses',
#   scope))): get_loss returns the cross entropy only, so the regularizer terms reach no tower loss (WD101 in
#   mnist_inference.py).
import time

import tensorflow as tf

import mnist_inference

BATCH_SIZE = 100
LEARNING_RATE_BASE = 0.001
LEARNING_RATE_DECAY = 0.99
REGULARAZTION_RATE = 0.0001
TRAINING_STEPS = 1000
MOVING_AVERAGE_DECAY = 0.99
N_GPU = 4
MODEL_SAVE_PATH = "logs_and_models/"
DATA_PATH = "output.tfrecords"


def get_input():
    filename_queue = tf.train.string_input_producer([DATA_PATH])
    reader = tf.TFRecordReader()
    _, serialized_example = reader.read(filename_queue)
    features = tf.parse_single_example(serialized_example, features={
        "image_raw": tf.FixedLenFeature([], tf.string),
        "label": tf.FixedLenFeature([], tf.int64),
    })
    image = tf.cast(tf.reshape(tf.decode_raw(features["image_raw"], tf.uint8), [784]), tf.float32)
    label = tf.cast(features["label"], tf.int32)
    return tf.train.shuffle_batch([image, label], batch_size=BATCH_SIZE,
                                  capacity=10000 + 3 * BATCH_SIZE, min_after_dequeue=10000)


def get_loss(x, y_, regularizer, scope):
    y = mnist_inference.inference(x, regularizer)
    cross_entropy = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=y_))
    tf.summary.scalar("cross_entropy", cross_entropy)
    return cross_entropy


def average_gradients(tower_grads):
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(grads, 0), 0)
        average_grads.append((grad, grad_and_vars[0][1]))
    return average_grads


def main(argv=None):
    with tf.Graph().as_default(), tf.device("/cpu:0"):
        x, y_ = get_input()
        regularizer = tf.contrib.layers.l2_regularizer(REGULARAZTION_RATE)
        global_step = tf.get_variable("global_step", [], initializer=tf.constant_initializer(0), trainable=False)
        learning_rate = tf.train.exponential_decay(LEARNING_RATE_BASE, global_step, 60000 / BATCH_SIZE,
                                                   LEARNING_RATE_DECAY)
        opt = tf.train.GradientDescentOptimizer(learning_rate)

        tower_grads = []
        reuse_variables = False
        for i in range(N_GPU):
            with tf.device("/gpu:%d" % i):
                with tf.name_scope("GPU_%d" % i) as scope:
                    with tf.variable_scope(tf.get_variable_scope(), reuse=reuse_variables):
                        cur_loss = get_loss(x, y_, regularizer, scope)
                    reuse_variables = True
                    tower_grads.append(opt.compute_gradients(cur_loss))

        grads = average_gradients(tower_grads)
        apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
        ema = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
        train_op = tf.group(apply_gradient_op, ema.apply(tf.trainable_variables()))

        saver = tf.train.Saver(tf.global_variables())
        with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            for step in range(TRAINING_STEPS):
                start_time = time.time()
                _, loss_value = sess.run([train_op, cur_loss])
                if step % 100 == 0:
                    print("step %d, loss = %.2f (%.3f sec/batch)" % (step, loss_value, time.time() - start_time))
                    saver.save(sess, MODEL_SAVE_PATH + "model.ckpt", global_step=step)
            coord.request_stop()
            coord.join(threads)


if __name__ == "__main__":
    tf.app.run()
