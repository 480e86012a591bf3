# Idiom seen in: eubchain/tf-distributed-testcase 4_nlp_processing/1_cnn_text_classify/train_mul_ps.py
# What it reproduces: between-graph replicated training with parameter servers: the worker builds the
#   TextCNN under replica_device_setter and applies compute_gradients(cnn.loss) inside a Supervisor
#   session; the corpus comes from a data_helpers module the folder does not hold.
import os

import numpy as np
import tensorflow as tf
from tensorflow.contrib import learn

import data_helpers  # intent corpus reader, not in this folder
from text_cnn import TextCNN

tf.flags.DEFINE_float("dev_sample_percentage", .1, "Percentage of the training data to use for validation")
tf.flags.DEFINE_string("data_file", "./data/train-all.txt", "Data source for the training data.")
tf.flags.DEFINE_string("out_dir", "./output", "Output directory")
tf.flags.DEFINE_integer("embedding_dim", 128, "Dimensionality of character embedding")
tf.flags.DEFINE_string("filter_sizes", "3,4,5", "Comma-separated filter sizes")
tf.flags.DEFINE_integer("num_filters", 128, "Number of filters per filter size")
tf.flags.DEFINE_float("dropout_keep_prob", 0.5, "Dropout keep probability")
tf.flags.DEFINE_float("l2_reg_lambda", 0.1, "L2 regularization lambda")
tf.flags.DEFINE_integer("batch_size", 1024, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 100, "Number of training epochs")
tf.flags.DEFINE_string('ps_hosts', '', 'Comma-separated list of hostname:port pairs')
tf.flags.DEFINE_string('worker_hosts', '', 'Comma-separated list of hostname:port pairs')
tf.flags.DEFINE_string('job_name', None, 'job name: worker or ps')
tf.flags.DEFINE_integer('task_index', None, 'Index of task within the job')
FLAGS = tf.flags.FLAGS


def main(unused_argv):
    cluster = tf.train.ClusterSpec({'ps': FLAGS.ps_hosts.split(','), 'worker': FLAGS.worker_hosts.split(',')})
    server = tf.train.Server(cluster, job_name=FLAGS.job_name, task_index=FLAGS.task_index)
    if FLAGS.job_name == 'ps':
        server.join()
        return

    with tf.device(tf.train.replica_device_setter(worker_device="/job:worker/task:%d" % FLAGS.task_index,
                                                  cluster=cluster)):
        x_text, y_label = data_helpers.load_data_and_labels(FLAGS.data_file)
        max_document_length = max([len(x.split(" ")) for x in x_text])
        vocab_processor = learn.preprocessing.VocabularyProcessor(max_document_length)
        x = np.array(list(vocab_processor.fit_transform(x_text)))
        y = np.array(y_label)
        np.random.seed(10)
        shuffle_indices = np.random.permutation(np.arange(len(y)))
        x_shuffled, y_shuffled = x[shuffle_indices], y[shuffle_indices]
        dev_sample_index = -1 * int(FLAGS.dev_sample_percentage * float(len(y)))
        x_train, y_train = x_shuffled[:dev_sample_index], y_shuffled[:dev_sample_index]

        cnn = TextCNN(sequence_length=x_train.shape[1],
                      num_classes=y_train.shape[1],
                      vocab_size=len(vocab_processor.vocabulary_),
                      embedding_size=FLAGS.embedding_dim,
                      filter_sizes=list(map(int, FLAGS.filter_sizes.split(","))),
                      num_filters=FLAGS.num_filters,
                      l2_reg_lambda=FLAGS.l2_reg_lambda)
        global_step = tf.train.get_or_create_global_step()
        optimizer = tf.train.AdamOptimizer(1e-3)
        grads_and_vars = optimizer.compute_gradients(cnn.loss)
        train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)

        checkpoint_dir = os.path.abspath(os.path.join(FLAGS.out_dir, "checkpoints"))
        if not os.path.exists(checkpoint_dir):
            os.makedirs(checkpoint_dir)
        saver = tf.train.Saver(tf.global_variables(), max_to_keep=5)
        sv = tf.train.Supervisor(is_chief=(FLAGS.task_index == 0), logdir=FLAGS.out_dir,
                                 init_op=tf.global_variables_initializer(), saver=saver,
                                 global_step=global_step)
        sess = sv.prepare_or_wait_for_session(server.target,
                                              config=tf.ConfigProto(allow_soft_placement=True))
        batches = data_helpers.batch_iter(list(zip(x_train, y_train)), FLAGS.batch_size, FLAGS.num_epochs)
        for batch in batches:
            x_batch, y_batch = zip(*batch)
            _, step, loss, accuracy = sess.run(
                [train_op, global_step, cnn.loss, cnn.accuracy],
                {cnn.input_x: x_batch, cnn.input_y: y_batch, cnn.dropout_keep_prob: FLAGS.dropout_keep_prob})
            if step % 100 == 0:
                print("step {}, loss {:g}, acc {:g}".format(step, loss, accuracy))
        sv.stop()


if __name__ == "__main__":
    tf.app.run()
