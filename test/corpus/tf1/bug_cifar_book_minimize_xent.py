# Idiom seen in: hewu2008/tensorflow-tutorial tutorial/chapter05-convolutional-neural-etwork/improved_cnn.py; quanee/Note Python/TensorFlow/Conv_Neural_Net_Advance.py
# What it reproduces: the book's CIFAR script, where the collection is summed into total_loss and
# printed, but Adam is given the cross entropy: the wl=0.004 decay terms get no gradient (WD105).
import time

import tensorflow as tf

import cifar10
import cifar10_input


def variable_with_weight_loss(shape, stddev, wl):
    var = tf.Variable(tf.truncated_normal(shape, stddev=stddev))
    if wl is not None:
        weight_loss = tf.multiply(tf.nn.l2_loss(var), wl, name='weight_loss')
        tf.add_to_collection('losses', weight_loss)
    return var


if __name__ == "__main__":
    max_steps = 3000
    batch_size = 128
    data_dir = '/tmp/cifar10_data/cifar-10-batches-bin'

    cifar10.maybe_download_and_extract()
    images_train, labels_train = cifar10_input.distorted_inputs(data_dir=data_dir, batch_size=batch_size)

    image_holder = tf.placeholder(tf.float32, [batch_size, 24, 24, 3])
    label_holder = tf.placeholder(tf.int32, [batch_size])

    weight1 = variable_with_weight_loss(shape=[5, 5, 3, 64], stddev=5e-2, wl=0.0)
    kernel1 = tf.nn.conv2d(image_holder, weight1, [1, 1, 1, 1], padding='SAME')
    bias1 = tf.Variable(tf.constant(0.0, shape=[64]))
    conv1 = tf.nn.relu(tf.nn.bias_add(kernel1, bias1))
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')

    reshape = tf.reshape(pool1, [batch_size, -1])
    dim = reshape.get_shape()[1].value
    weight3 = variable_with_weight_loss(shape=[dim, 384], stddev=0.04, wl=0.004)
    local3 = tf.nn.relu(tf.matmul(reshape, weight3) + tf.Variable(tf.constant(0.1, shape=[384])))
    weight4 = variable_with_weight_loss(shape=[384, 192], stddev=0.04, wl=0.004)
    local4 = tf.nn.relu(tf.matmul(local3, weight4) + tf.Variable(tf.constant(0.1, shape=[192])))
    weight5 = variable_with_weight_loss(shape=[192, 10], stddev=1 / 192.0, wl=0.0)
    logits = tf.matmul(local4, weight5) + tf.Variable(tf.constant(0.0, shape=[10]))

    labels = tf.cast(label_holder, tf.int64)
    cross_entropy_mean = tf.reduce_mean(
        tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels),
        name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)
    total_loss = tf.add_n(tf.get_collection('losses'), name='total_loss')  # expect: WD105

    train_op = tf.train.AdamOptimizer(1e-3).minimize(cross_entropy_mean)
    top_k_op = tf.nn.in_top_k(logits, label_holder, 1)

    sess = tf.InteractiveSession()
    tf.global_variables_initializer().run()
    tf.train.start_queue_runners()
    for step in range(max_steps):
        start_time = time.time()
        image_batch, label_batch = sess.run([images_train, labels_train])
        _, loss_value = sess.run([train_op, total_loss],
                                 feed_dict={image_holder: image_batch, label_holder: label_batch})
        if step % 10 == 0:
            print('step %d, total loss=%.2f (%.3f sec)' % (step, loss_value, time.time() - start_time))
