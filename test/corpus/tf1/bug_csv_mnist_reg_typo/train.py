# Idiom seen in: ksiailaohuyou/AI_code tf/NN/DNN/MNIST_EXAMPLE/train.py
# Idiom seen in: ksiailaohuyou/AI_code tf/NN/DNN/MNIST_EXAMPLE/inference.py
# What it reproduces: CSV-fed MNIST training with plain GradientDescent at LEARNING_RATE_BASE = 0.8 and the
#   regularization rate typed as 1e4 instead of 1e-4: l2_regularizer(scale) has gradient scale * w, so the decay
#   step alone is w * (1 - 0.8 * 1e4) and the weights flip and explode (user mistake in the repo's idiom).
import os

import tensorflow as tf

import Common
import Reader
import inference

BATCH_SIZE = 100
LEARNING_RATE_BASE = 0.8
LEARNING_RATE_DECAY = 0.99
REGULARIZATION_RATE = 1e4
TRAINING_STEPS = 40000
MOVING_AVERAGE_DECAY = 0.99
RECORD_NUM = 42000
FEATURE_NUM = 784

MODEL_SAVE_PATH = "./model"
MODEL_NAME = "model.ckpt"
FILENAME = "../MNIST_CSV/train.csv"


def train(filename, feature_num, batch_size=100):
    with tf.name_scope("input"):
        x = tf.placeholder(tf.float32, [None, inference.INPUT_NODE], name="x-input")
        y_ = tf.placeholder(tf.float32, [None, inference.OUTPUT_NODE], name="y-input")

    regularizer = tf.contrib.layers.l2_regularizer(REGULARIZATION_RATE)  # expect: WD301
    y = inference.inference(x, regularizer)
    global_step = tf.Variable(0, trainable=False)

    with tf.name_scope("moving_average"):
        variable_averages = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
        variables_averages_op = variable_averages.apply(tf.trainable_variables())

    with tf.name_scope("loss_function"):
        cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
            logits=y, labels=tf.argmax(y_, 1))
        cross_entropy_mean = tf.reduce_mean(cross_entropy)
        loss = cross_entropy_mean + tf.add_n(tf.get_collection('losses'))
        tf.summary.scalar("loss", loss)

    with tf.name_scope("train_step"):
        learning_rate = tf.train.exponential_decay(
            LEARNING_RATE_BASE, global_step, RECORD_NUM / BATCH_SIZE, LEARNING_RATE_DECAY)
        train_step = tf.train.GradientDescentOptimizer(learning_rate).minimize(
            loss, global_step=global_step)
        with tf.control_dependencies([train_step, variables_averages_op]):
            train_op = tf.no_op(name='train')

    saver = tf.train.Saver()
    reader = Reader.CVSReader(filename, feature_num, skiplinenum=1, labelpos=0)
    xs, ys = reader.create_pipeline(batch_size=batch_size, num_epochs=1000)
    init = tf.group(tf.global_variables_initializer(), tf.local_variables_initializer())
    coord = tf.train.Coordinator()

    with tf.Session() as sess:
        sess.run(init)
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        try:
            for i in range(TRAINING_STEPS):
                xs_batch, ys_batch = sess.run([xs, ys])
                _, loss_value, step = sess.run(
                    [train_op, loss, global_step],
                    feed_dict={x: xs_batch, y_: Common.oneShot(ys_batch, 10)})
                if i % 1000 == 0:
                    print("After %d training steps, loss on training batch is %g." % (step, loss_value))
                    saver.save(sess, os.path.join(MODEL_SAVE_PATH, MODEL_NAME), global_step=global_step)
        except tf.errors.OutOfRangeError:
            print('Done training -- epoch limit reached')
        finally:
            coord.request_stop()
        coord.join(threads)


def main(argv=None):
    train(filename=[FILENAME], feature_num=FEATURE_NUM, batch_size=BATCH_SIZE)


if __name__ == '__main__':
    tf.app.run()
