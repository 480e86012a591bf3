# Idiom seen in: bubbliiiing/Mnist-recognition-By-Slim slim/nets/Net.py
# Idiom seen in: bubbliiiing/Mnist-recognition-By-Slim slim/CNN.py
# What it reproduces: the repo's slim Conv_Net with an arg_scope weights_regularizer; the cross entropy
# goes through tf.losses and the script trains tf.losses.get_total_loss(), which adds
# REGULARIZATION_LOSSES (clean).
import tensorflow as tf
from net import Conv_Net
from tfrecord_read import get_record_dataset

slim = tf.contrib.slim
flags = tf.app.flags

tf.app.flags.DEFINE_string('train_dir', './logs', 'Directory where checkpoints and event logs are written to.')
tf.app.flags.DEFINE_integer('num_readers', 4, 'The number of parallel readers.')
tf.app.flags.DEFINE_integer('log_every_n_steps', 100, 'The frequency with which logs are print.')
tf.app.flags.DEFINE_integer('save_summaries_secs', 150, 'Summary interval, in seconds.')
tf.app.flags.DEFINE_integer('save_interval_secs', 150, 'Checkpoint interval, in seconds.')
tf.app.flags.DEFINE_float('learning_rate', 0.001, 'Initial learning rate.')
tf.app.flags.DEFINE_float('learning_rate_decay_factor', 0.94, 'Learning rate decay factor.')
tf.app.flags.DEFINE_float('num_epochs_per_decay', 2.0, 'Number of epochs after which learning rate decays.')
tf.app.flags.DEFINE_float('weight_decay', 0.0005, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_string('dataset_dir', './record/output.tfrecords', 'The tfrecord file.')
tf.app.flags.DEFINE_integer('batch_size', 100, 'The number of samples in each batch.')
tf.app.flags.DEFINE_integer('max_number_of_steps', 20000, 'The maximum number of training steps.')

FLAGS = flags.FLAGS

if __name__ == "__main__":
    tf.logging.set_verbosity(tf.logging.DEBUG)

    with tf.Graph().as_default():
        global_step = slim.create_global_step()
        dataset = get_record_dataset(FLAGS.dataset_dir, num_samples=55000)
        provider = slim.dataset_data_provider.DatasetDataProvider(
            dataset, num_readers=FLAGS.num_readers,
            common_queue_capacity=20 * FLAGS.batch_size,
            common_queue_min=10 * FLAGS.batch_size, shuffle=True)
        image, label = provider.get(['image', 'label'])
        inputs, labels = tf.train.batch([image, label],
                                        batch_size=FLAGS.batch_size,
                                        allow_smaller_final_batch=True,
                                        num_threads=FLAGS.num_readers,
                                        capacity=FLAGS.batch_size * 5)

        inputs = tf.cast(inputs, tf.float32)
        inputs_reshape = tf.reshape(inputs, [-1, 28, 28, 1])

        conv_net = Conv_Net()
        logits = conv_net.net(inputs_reshape, weight_decay=FLAGS.weight_decay)
        conv_net.get_loss(labels=labels, logits=logits)
        # cross entropy + weight decay of every slim layer
        total_loss = tf.losses.get_total_loss()
        tf.summary.scalar('total_loss', total_loss)

        decay_steps = int(dataset.num_samples / FLAGS.batch_size * FLAGS.num_epochs_per_decay)
        learning_rate = tf.train.exponential_decay(FLAGS.learning_rate, global_step,
                                                   decay_steps,
                                                   FLAGS.learning_rate_decay_factor,
                                                   staircase=False,
                                                   name='exponential_decay_learning_rate')
        optimizer = tf.train.AdamOptimizer(learning_rate)
        train_op = slim.learning.create_train_op(total_loss, optimizer,
                                                 summarize_gradients=False)

        gpu_options = tf.GPUOptions(per_process_gpu_memory_fraction=0.6, allow_growth=True)
        config = tf.ConfigProto(allow_soft_placement=True, gpu_options=gpu_options)
        saver = tf.train.Saver(max_to_keep=5, keep_checkpoint_every_n_hours=1.0)
        slim.learning.train(
            train_op,
            logdir=FLAGS.train_dir,
            number_of_steps=FLAGS.max_number_of_steps,
            log_every_n_steps=FLAGS.log_every_n_steps,
            save_summaries_secs=FLAGS.save_summaries_secs,
            saver=saver,
            save_interval_secs=FLAGS.save_interval_secs,
            session_config=config)
