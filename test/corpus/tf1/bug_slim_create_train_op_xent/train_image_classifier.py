# Idiom seen in: gengkunling/myslim train_image_classifier.py
# What it reproduces: slim training where the net puts weights_regularizer on conv/fc through slim.arg_scope,
#   but the script hands create_train_op the bare tf.losses.softmax_cross_entropy tensor instead of
#   tf.losses.get_total_loss(): the regularization losses never reach the train op (user mistake in the slim idiom).
import tensorflow as tf

from datasets import dataset_factory
from preprocessing import preprocessing_factory
from lenet_slim import lenet

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('train_dir', '/tmp/tfmodel/', 'Checkpoints and event logs')
tf.app.flags.DEFINE_string('dataset_name', 'mnist', 'Dataset')
tf.app.flags.DEFINE_string('dataset_dir', None, 'Dataset files')
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'Weight decay on the model weights')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate')
tf.app.flags.DEFINE_integer('batch_size', 32, 'Batch size')
tf.app.flags.DEFINE_integer('max_number_of_steps', None, 'Max steps')
FLAGS = tf.app.flags.FLAGS


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    with tf.Graph().as_default():
        global_step = slim.create_global_step()
        dataset = dataset_factory.get_dataset(FLAGS.dataset_name, 'train', FLAGS.dataset_dir)
        provider = slim.dataset_data_provider.DatasetDataProvider(dataset, common_queue_capacity=20 * FLAGS.batch_size)
        image, label = provider.get(['image', 'label'])
        image = preprocessing_factory.get_preprocessing('lenet', is_training=True)(image, 28, 28)
        images, labels = tf.train.batch([image, label], batch_size=FLAGS.batch_size, num_threads=4)
        labels = slim.one_hot_encoding(labels, dataset.num_classes)

        logits, end_points = lenet(images, num_classes=dataset.num_classes, is_training=True,
                                   weight_decay=FLAGS.weight_decay)
        loss = tf.losses.softmax_cross_entropy(labels, logits, label_smoothing=0.0, weights=1.0)
        tf.summary.scalar('losses/clone_loss', loss)

        learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 2000, 0.94, staircase=True)
        optimizer = tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.9, epsilon=1.0)
        train_op = slim.learning.create_train_op(loss, optimizer, global_step=global_step)

        slim.learning.train(train_op, logdir=FLAGS.train_dir,
                            number_of_steps=FLAGS.max_number_of_steps,
                            log_every_n_steps=10, save_summaries_secs=600, save_interval_secs=600)


if __name__ == '__main__':
    tf.app.run()
