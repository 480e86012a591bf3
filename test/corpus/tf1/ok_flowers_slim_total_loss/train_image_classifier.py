# Idiom seen in: yuanyuanzijin/flower-recognition code/train_image_classifier.py
# What it reproduces: the slim train_image_classifier flow: flags for weight_decay and the optimizer, the network built
#   inside its arg_scope, tf.losses.softmax_cross_entropy and tf.losses.get_total_loss() (which adds the regularization
#   losses) given to slim.learning.create_train_op; clean.
import tensorflow as tf

from datasets import dataset_factory
from preprocessing import preprocessing_factory
import flower_net

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('train_dir', '/tmp/tfmodel/', 'Directory where checkpoints are written.')
tf.app.flags.DEFINE_string('dataset_dir', None, 'The directory with the flowers TFRecords.')
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_string('optimizer', 'rmsprop', '"adam", "momentum" or "rmsprop".')
tf.app.flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
tf.app.flags.DEFINE_float('momentum', 0.9, 'Momentum for MomentumOptimizer and RMSPropOptimizer.')
tf.app.flags.DEFINE_float('label_smoothing', 0.0, 'The amount of label smoothing.')
tf.app.flags.DEFINE_integer('batch_size', 32, 'The number of samples in each batch.')
tf.app.flags.DEFINE_integer('max_number_of_steps', 20000, 'The maximum number of training steps.')
FLAGS = tf.app.flags.FLAGS


def _configure_optimizer(learning_rate):
    if FLAGS.optimizer == 'adam':
        return tf.train.AdamOptimizer(learning_rate, epsilon=1.0)
    elif FLAGS.optimizer == 'momentum':
        return tf.train.MomentumOptimizer(learning_rate, momentum=FLAGS.momentum, name='Momentum')
    elif FLAGS.optimizer == 'rmsprop':
        return tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=FLAGS.momentum, epsilon=1.0)
    raise ValueError('Optimizer [%s] was not recognized' % FLAGS.optimizer)


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    with tf.Graph().as_default():
        global_step = slim.create_global_step()
        dataset = dataset_factory.get_dataset('flowers', 'train', FLAGS.dataset_dir)
        provider = slim.dataset_data_provider.DatasetDataProvider(dataset, num_readers=4, shuffle=True)
        image, label = provider.get(['image', 'label'])
        preprocess = preprocessing_factory.get_preprocessing('inception', is_training=True)
        image = preprocess(image, 224, 224)
        images, labels = tf.train.batch([image, label], batch_size=FLAGS.batch_size, num_threads=4)
        labels = slim.one_hot_encoding(labels, dataset.num_classes)

        with slim.arg_scope(flower_net.flower_net_arg_scope(weight_decay=FLAGS.weight_decay)):
            logits = flower_net.flower_net(images, num_classes=dataset.num_classes, is_training=True)

        tf.losses.softmax_cross_entropy(labels, logits, label_smoothing=FLAGS.label_smoothing)
        total_loss = tf.losses.get_total_loss()
        tf.summary.scalar('total_loss', total_loss)

        learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, global_step, 2000, 0.94, staircase=True)
        optimizer = _configure_optimizer(learning_rate)
        train_op = slim.learning.create_train_op(total_loss, optimizer)

        slim.learning.train(train_op, logdir=FLAGS.train_dir,
                            number_of_steps=FLAGS.max_number_of_steps,
                            save_summaries_secs=600, save_interval_secs=600)


if __name__ == '__main__':
    tf.app.run()
