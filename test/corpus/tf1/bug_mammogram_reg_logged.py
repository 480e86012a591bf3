# Idiom seen in: ecobost/cnn4brca model/model_v3.py
# What it reproduces: mammogram mass segmentation (thesis code): regularization_loss() sums l2_loss of the
# filters kept in tf.GraphKeys.WEIGHTS; the repository adds LAMBDA * regularization_loss() to the loss,
# here (a realistic edit) the term is computed and only logged while Adam gets the bare logistic loss.
import os.path
import sys

import tensorflow as tf

TRAINING_STEPS = 163 * 8 * 5
LEARNING_RATE = 4e-5
LAMBDA = 4e-4

training_csv = os.path.join("training", "training.csv")
summary_dir = "summary"


def conv_op(input, filter_shape, strides=[1, 1, 1, 1]):
    n_in = filter_shape[0] * filter_shape[1] * filter_shape[2]
    filter = tf.Variable(tf.random_normal(filter_shape, 0, tf.sqrt(2 / n_in)), name='weights')
    biases = tf.Variable(tf.zeros([filter_shape[3]]), name='biases')
    # Add weights to the weights collection (for regularization)
    tf.add_to_collection(tf.GraphKeys.WEIGHTS, filter)
    output = tf.nn.conv2d(input, filter, strides, padding='SAME')
    return tf.nn.bias_add(output, biases)


def model(image, drop):
    batch = tf.expand_dims(image, 0)
    with tf.name_scope('conv1'):
        conv1 = tf.nn.relu(conv_op(batch, [6, 6, 1, 32], [1, 2, 2, 1]))
    with tf.name_scope('conv2'):
        conv2 = tf.nn.relu(conv_op(conv1, [3, 3, 32, 64], [1, 2, 2, 1]))
        conv2 = tf.cond(drop, lambda: tf.nn.dropout(conv2, 0.8), lambda: conv2)
    with tf.name_scope('fc'):
        fc = conv_op(conv2, [8, 8, 64, 1])
    with tf.name_scope('upsampling'):
        output = tf.image.resize_bilinear(fc, tf.shape(fc)[1:3] * 4)
    return tf.squeeze(output)


def logistic_loss(prediction, label):
    with tf.name_scope('logistic_loss'):
        mass = tf.to_float(tf.equal(label, 255))
        tissue = tf.to_float(tf.equal(label, 127))
        pixel_loss = tf.nn.sigmoid_cross_entropy_with_logits(logits=prediction, labels=mass)
        weighted_loss = 0.9 * pixel_loss * mass + 0.1 * pixel_loss * tissue
        return tf.reduce_sum(weighted_loss) / tf.reduce_sum(mass + tissue)


def regularization_loss():
    """ Calculates the l2 regularization loss from the collected weights."""
    with tf.name_scope("regularization_loss"):
        weights = tf.get_collection(tf.GraphKeys.WEIGHTS)
        return tf.add_n([tf.nn.l2_loss(x) for x in weights])


def train(loss, learning_rate):
    global_step = tf.Variable(0, name='global_step', trainable=False)
    optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate, beta1=0.9, beta2=0.995,
                                       epsilon=1e-06)
    gradients = optimizer.compute_gradients(loss)
    train_op = optimizer.apply_gradients(gradients, global_step=global_step)
    return train_op, global_step


def main(restore_variables=False):
    image = tf.placeholder(tf.float32, name='image')
    label = tf.placeholder(tf.uint8, name='label')
    drop = tf.placeholder(tf.bool, shape=(), name='drop')

    prediction = model(image, drop)
    empirical_loss = logistic_loss(prediction, label)
    reg_loss = LAMBDA * regularization_loss()  # expect: WD104
    tf.summary.scalar('training/reg_loss', reg_loss)
    loss = empirical_loss

    train_op, global_step = train(loss, learning_rate=LEARNING_RATE)
    summaries = tf.summary.merge_all()

    with tf.Session() as sess:
        tf.global_variables_initializer().run()
        writer = tf.summary.FileWriter(summary_dir, sess.graph)
        with open(training_csv) as f:
            pairs = [line.split(',') for line in f.read().splitlines()]
        for i in range(TRAINING_STEPS):
            train_image, train_label = load_example(*pairs[i % len(pairs)])
            feed_dict = {image: train_image, label: train_label, drop: True}
            train_loss, summary_str, _ = sess.run([loss, summaries, train_op], feed_dict)
            writer.add_summary(summary_str, i)
            print("Training loss @", i, ":", train_loss)


def load_example(image_path, label_path):
    from scipy import misc
    return misc.imread(image_path).astype('float32')[..., None], misc.imread(label_path)


if __name__ == "__main__":
    main(len(sys.argv) > 1)
