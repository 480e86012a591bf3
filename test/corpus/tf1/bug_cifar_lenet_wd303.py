# Idiom seen in: baiyang2464/AI dl/nn/cnn/cifar/cifar10_lenet5_forward.py
# Idiom seen in: baiyang2464/AI dl/nn/cnn/cifar/cifar10_lenet5_backward.py
# What it reproduces: the course's get_weight(shape, regularizer) helper with an `if regularizer != None` guard; realistic
#   mistake: every forward() call (train and test) passes regularizer=None, so the decay machinery is dead code.
import tensorflow as tf
import cifar10_lenet5_generateds

BATCH_SIZE = 100
LEARNING_RATE = 0.005
STEPS = 50000
IMAGE_SIZE = 32
NUM_CHANNELS = 3
OUTPUT_NODE = 10


def get_weight(shape, regularizer):
    w = tf.Variable(tf.truncated_normal(shape, stddev=0.1))
    if regularizer != None:  # expect: WD303
        tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(regularizer)(w))
    return w


def get_bias(shape):
    return tf.Variable(tf.zeros(shape))


def forward(x, train, regularizer):
    c1_w = get_weight([5, 5, NUM_CHANNELS, 32], regularizer)
    p1 = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(x, c1_w, [1, 1, 1, 1], 'SAME') + get_bias([32])),
                        [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    c2_w = get_weight([5, 5, 32, 64], regularizer)
    p2 = tf.nn.max_pool(tf.nn.relu(tf.nn.conv2d(p1, c2_w, [1, 1, 1, 1], 'SAME') + get_bias([64])),
                        [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    flat = tf.reshape(p2, [-1, 8 * 8 * 64])
    fc1_w = get_weight([8 * 8 * 64, 512], regularizer)
    fc1 = tf.nn.relu(tf.matmul(flat, fc1_w) + get_bias([512]))
    if train:
        fc1 = tf.nn.dropout(fc1, 0.5)
    fc2_w = get_weight([512, OUTPUT_NODE], regularizer)
    return tf.matmul(fc1, fc2_w) + get_bias([OUTPUT_NODE])


def backward():
    x = tf.placeholder(tf.float32, [BATCH_SIZE, IMAGE_SIZE, IMAGE_SIZE, NUM_CHANNELS])
    y_ = tf.placeholder(tf.float32, [None, OUTPUT_NODE])
    y = forward(x, True, None)
    global_step = tf.Variable(0, trainable=False)
    cem = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1)))
    tf.add_to_collection('losses', cem)
    loss = tf.add_n(tf.get_collection('losses'))
    train_step = tf.train.AdamOptimizer(LEARNING_RATE).minimize(loss, global_step=global_step)

    img_batch, label_batch = cifar10_lenet5_generateds.get_tfrecord(BATCH_SIZE, isTrain=True)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        for i in range(STEPS):
            xs, ys = sess.run([img_batch, label_batch])
            _, loss_value, step = sess.run([train_step, loss, global_step], feed_dict={x: xs, y_: ys})
            if i % 100 == 0:
                print("After %d training step(s), loss is %g." % (step, loss_value))
        coord.request_stop()
        coord.join(threads)


def test(images):
    return tf.argmax(forward(images, False, None), 1)


if __name__ == '__main__':
    backward()
