# Idiom seen in: kwotsin/TensorFlow-ENet train_enet.py
# Idiom seen in: kwotsin/TensorFlow-ENet enet.py
# What it reproduces: training script that enters the arg_scope returned by ENet_arg_scope(weight_decay)
#   and minimizes tf.losses.get_total_loss() (weighted cross entropy + regularization losses); clean.
import os
import tensorflow as tf
from tensorflow.contrib.framework.python.ops.variables import get_or_create_global_step
from enet import ENet, ENet_arg_scope
from preprocessing import preprocess
from get_class_weights import median_frequency_balancing

slim = tf.contrib.slim

flags = tf.app.flags
flags.DEFINE_string('dataset_dir', './dataset', 'The dataset directory.')
flags.DEFINE_string('logdir', './log/original', 'The log directory.')
flags.DEFINE_integer('num_classes', 12, 'The number of classes to predict.')
flags.DEFINE_integer('batch_size', 10, 'The batch_size for training.')
flags.DEFINE_integer('image_height', 360, 'The input height of the images.')
flags.DEFINE_integer('image_width', 480, 'The input width of the images.')
flags.DEFINE_float('weight_decay', 2e-4, 'The weight decay for ENet convolution layers.')
flags.DEFINE_float('initial_learning_rate', 5e-4, 'The initial learning rate.')
flags.DEFINE_integer('decay_steps', 3700, 'Steps before decaying the learning rate.')
FLAGS = flags.FLAGS


def weighted_cross_entropy(onehot_labels, logits, class_weights):
    weights = tf.reduce_sum(onehot_labels * class_weights, 3)
    return tf.losses.softmax_cross_entropy(onehot_labels=onehot_labels, logits=logits, weights=weights)


def run():
    image_files = sorted(os.path.join(FLAGS.dataset_dir, 'train', f)
                         for f in os.listdir(os.path.join(FLAGS.dataset_dir, 'train')))
    annotation_files = sorted(os.path.join(FLAGS.dataset_dir, 'trainannot', f)
                              for f in os.listdir(os.path.join(FLAGS.dataset_dir, 'trainannot')))
    class_weights = median_frequency_balancing()

    with tf.Graph().as_default():
        queue = tf.train.slice_input_producer([tf.convert_to_tensor(image_files),
                                               tf.convert_to_tensor(annotation_files)])
        image = tf.image.decode_image(tf.read_file(queue[0]), channels=3)
        annotation = tf.image.decode_image(tf.read_file(queue[1]))
        image, annotation = preprocess(image, annotation, FLAGS.image_height, FLAGS.image_width)
        images, annotations = tf.train.batch([image, annotation], batch_size=FLAGS.batch_size)

        with slim.arg_scope(ENet_arg_scope(weight_decay=FLAGS.weight_decay)):
            logits, probabilities = ENet(images, FLAGS.num_classes, batch_size=FLAGS.batch_size,
                                         is_training=True, reuse=None)

        annotations = tf.reshape(annotations, shape=[FLAGS.batch_size, FLAGS.image_height, FLAGS.image_width])
        annotations_ohe = tf.one_hot(annotations, FLAGS.num_classes, axis=-1)
        loss = weighted_cross_entropy(annotations_ohe, logits, class_weights)
        total_loss = tf.losses.get_total_loss()

        global_step = get_or_create_global_step()
        lr = tf.train.exponential_decay(FLAGS.initial_learning_rate, global_step,
                                        FLAGS.decay_steps, 0.1, staircase=True)
        optimizer = tf.train.AdamOptimizer(learning_rate=lr, epsilon=1e-8)
        train_op = slim.learning.create_train_op(total_loss, optimizer)

        tf.summary.scalar('Monitor/Total_Loss', total_loss)
        tf.summary.scalar('Monitor/xent', loss)
        sv = tf.train.Supervisor(logdir=FLAGS.logdir, summary_op=None)
        with sv.managed_session() as sess:
            for step in range(30000):
                total, _ = sess.run([train_op, global_step])
                if step % 10 == 0:
                    tf.logging.info('step %d: loss %.4f', step, total)
            sv.saver.save(sess, sv.save_path, global_step=sv.global_step)


if __name__ == '__main__':
    run()
