# Idiom seen in: Technica-Corporation/TF-Movidius-Finetune train.py
# Idiom seen in: Technica-Corporation/TF-Movidius-Finetune nets/nets_factory.py
# What it reproduces: fine-tuning a fall-detection classifier with FLAGS.weight_decay handed to the factory; the
#   loss is tf.losses.get_total_loss() ("obtain the regularization losses as well") given to create_train_op. Clean.
import os
import tensorflow as tf
from data import get_split, load_batch
import nets_factory

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('dataset_dir', None, 'dataset directory where the tfrecord files are located')
tf.app.flags.DEFINE_string('log_dir', '/tmp/tflog/', 'directory where to create log files')
tf.app.flags.DEFINE_integer('image_size', 128, 'image size to resize input images to')
tf.app.flags.DEFINE_integer('num_epochs', 10, 'number of epochs to train')
tf.app.flags.DEFINE_integer('batch_size', 8, 'batch size')
tf.app.flags.DEFINE_float('learning_rate', .0002, 'initial learning rate')
tf.app.flags.DEFINE_float('learning_rate_decay', 0.7, 'learning rate decay factor')
tf.app.flags.DEFINE_integer('epochs_before_decay', 2, 'number of epochs before decay')
tf.app.flags.DEFINE_string('model_name', 'mobilenet_small', 'The name of the architecture to train.')
tf.app.flags.DEFINE_float('weight_decay', 0.00004, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('class_weight', None, 'Class weight of the positive class (binary only)')
FLAGS = tf.app.flags.FLAGS


def main(_):
    if not os.path.exists(FLAGS.log_dir):
        os.mkdir(FLAGS.log_dir)
    with tf.Graph().as_default():
        tf.logging.set_verbosity(tf.logging.INFO)
        dataset = get_split('train', FLAGS.dataset_dir, file_pattern='falldata_%s_*.tfrecord')
        images, _, labels = load_batch(dataset, 'inception', FLAGS.batch_size, FLAGS.image_size)
        num_batches_per_epoch = int(dataset.num_samples / FLAGS.batch_size)
        decay_steps = int(FLAGS.epochs_before_decay * num_batches_per_epoch)

        network_fn = nets_factory.get_network_fn(FLAGS.model_name, num_classes=dataset.num_classes,
                                                 weight_decay=FLAGS.weight_decay, is_training=True)
        logits, end_points = network_fn(images)
        one_hot_labels = slim.one_hot_encoding(labels, dataset.num_classes)
        with tf.name_scope('cross_entropy_loss'):
            loss = tf.losses.softmax_cross_entropy(onehot_labels=one_hot_labels, logits=logits)
            if FLAGS.class_weight:
                loss = tf.losses.compute_weighted_loss(loss, weights=FLAGS.class_weight)
            total_loss = tf.losses.get_total_loss()  # obtain the regularization losses as well

        global_step = tf.train.get_or_create_global_step()
        lr = tf.train.exponential_decay(learning_rate=FLAGS.learning_rate, global_step=global_step,
                                        decay_steps=decay_steps, decay_rate=FLAGS.learning_rate_decay,
                                        staircase=True)
        optimizer = tf.train.AdamOptimizer(learning_rate=lr)
        train_op = slim.learning.create_train_op(total_loss, optimizer)
        tf.summary.scalar('losses/Total_Loss', total_loss)
        tf.summary.scalar('learning_rate', lr)

        sv = tf.train.Supervisor(logdir=FLAGS.log_dir, summary_op=None)
        with sv.managed_session() as sess:
            for step in range(num_batches_per_epoch * FLAGS.num_epochs):
                loss_value = sess.run(train_op)
                if step % 100 == 0:
                    tf.logging.info('global step %s: loss: %.4f', step, loss_value)
            sv.saver.save(sess, sv.save_path, global_step=sv.global_step)


if __name__ == '__main__':
    tf.app.run()
