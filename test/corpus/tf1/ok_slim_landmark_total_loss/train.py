# Idiom seen in: Belafespud/ML_Project CNNs/google-landmark/train.py
# What it reproduces: slim training of a factory net with tf.app.flags: the classification loss is registered with
#   tf.losses.sparse_softmax_cross_entropy and tf.losses.get_total_loss() (which adds the regularization losses of the
#   arg_scope's weights_regularizer) is what create_train_op trains. Clean.
import tensorflow as tf

from datasets.google_landmark import GoogleDataset
from nets import nets_factory
from preprocessing import preprocessing_factory

slim = tf.contrib.slim

tf.app.flags.DEFINE_string("train_dir", "/tmp/tfmodel/", "Directory for checkpoints and event logs.")
tf.app.flags.DEFINE_string("dataset_dir", None, "The directory of the dataset files.")
tf.app.flags.DEFINE_string("model_name", "mini_vgg", "The name of the architecture to train.")
tf.app.flags.DEFINE_float("weight_decay", 0.00004, "The weight decay on the model weights.")
tf.app.flags.DEFINE_float("learning_rate", 0.01, "Initial learning rate.")
tf.app.flags.DEFINE_integer("batch_size", 32, "The number of samples in each batch.")
tf.app.flags.DEFINE_integer("train_image_size", 224, "Train image size")
tf.app.flags.DEFINE_integer("max_number_of_steps", None, "The maximum number of training steps.")
FLAGS = tf.app.flags.FLAGS


def main(_):
    if not FLAGS.dataset_dir:
        raise ValueError("You must supply the dataset directory with --dataset_dir")
    tf.logging.set_verbosity(tf.logging.INFO)
    with tf.Graph().as_default():
        dataset = GoogleDataset(FLAGS.dataset_dir)
        network_fn = nets_factory.get_network_fn(FLAGS.model_name, num_classes=dataset.num_classes,
                                                 weight_decay=FLAGS.weight_decay, is_training=True)
        preprocessing_fn = preprocessing_factory(FLAGS.model_name, output_height=FLAGS.train_image_size,
                                                 output_width=FLAGS.train_image_size, is_training=True)
        iterator = dataset.get_train_iterator(epochs=-1, batch_size=FLAGS.batch_size,
                                              preprocessing_function=preprocessing_fn, shuffle=True)
        images, labels = iterator.get_next()
        logits, end_points = network_fn(images)

        tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
        total_loss = tf.losses.get_total_loss()
        tf.summary.scalar("training/total_loss", total_loss)

        optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, 0.9)
        train_op = slim.learning.create_train_op(total_loss, optimizer)
        slim.learning.train(train_op, logdir=FLAGS.train_dir,
                            number_of_steps=FLAGS.max_number_of_steps,
                            save_summaries_secs=60, save_interval_secs=600)


if __name__ == "__main__":
    tf.app.run()
