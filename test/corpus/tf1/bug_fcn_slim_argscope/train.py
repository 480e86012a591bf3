# Idiom seen in: wandou-cc/image-segmentation-models-tf train.py
# Idiom seen in: wandou-cc/image-segmentation-models-tf nets/nets_factory.py
# What it reproduces: segmentation training script with tf.app.flags (weight_decay flag handed to the network
#   factory); the per-pixel cross entropy is passed straight to slim.learning.create_train_op, which does not add
#   the regularization losses, so the arg_scope's l2 regularizer is dead (user mistake).
import tensorflow as tf

from datasets import dataset_factory
from preprocessing import preprocessing_factory
import nets_factory

slim = tf.contrib.slim
flags = tf.app.flags

flags.DEFINE_string('train_dir', '/tmp/tfmodel/', 'checkpoints and event logs')
flags.DEFINE_string('dataset_name', 'pascal', 'dataset to load')
flags.DEFINE_string('dataset_dir', None, 'where dataset files are stored')
flags.DEFINE_string('model_name', 'fcn_32', 'architecture to train')
flags.DEFINE_integer('batch_size', 8, 'samples in each batch')
flags.DEFINE_float('weight_decay', 0.0005, 'weight decay on the model weights')
flags.DEFINE_float('learning_rate', 0.0001, 'initial learning rate')
flags.DEFINE_float('momentum', 0.9, 'MomentumOptimizer momentum')
flags.DEFINE_integer('max_number_of_steps', 100000, 'maximum training steps')

FLAGS = flags.FLAGS


def main(_):
    if not FLAGS.dataset_dir:
        raise ValueError('You must supply the dataset directory with --dataset_dir')
    tf.logging.set_verbosity(tf.logging.INFO)
    with tf.Graph().as_default():
        global_step = slim.create_global_step()
        dataset = dataset_factory.get_dataset(FLAGS.dataset_name, 'train', FLAGS.dataset_dir)

        network_fn = nets_factory.get_network_fn(
            FLAGS.model_name,
            num_classes=dataset.num_classes,
            weight_decay=FLAGS.weight_decay,
            is_training=True)
        preprocessing_fn = preprocessing_factory.get_preprocessing(FLAGS.model_name, is_training=True)

        provider = slim.dataset_data_provider.DatasetDataProvider(dataset, num_readers=4)
        image, label = provider.get(['image', 'label'])
        image, label = preprocessing_fn(image, label, network_fn.default_image_size,
                                        network_fn.default_image_size)
        images, labels = tf.train.batch([image, label], batch_size=FLAGS.batch_size,
                                        num_threads=4, capacity=5 * FLAGS.batch_size)

        logits, end_points = network_fn(images)
        labels = tf.squeeze(tf.cast(labels, tf.int32), axis=3)
        pixel_loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
        tf.summary.scalar('losses/pixel_loss', pixel_loss)

        optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, momentum=FLAGS.momentum)
        train_op = slim.learning.create_train_op(pixel_loss, optimizer, global_step=global_step)

        slim.learning.train(
            train_op,
            logdir=FLAGS.train_dir,
            number_of_steps=FLAGS.max_number_of_steps,
            save_summaries_secs=600,
            save_interval_secs=600)


if __name__ == '__main__':
    tf.app.run()
