# Idiom seen in: tkuanlun350/Tensorflow-SegNet main.py
# Idiom seen in: tkuanlun350/Tensorflow-SegNet model.py
# What it reproduces: tf.app.flags driver feeding CamVid batches from Inputs (not in the workspace) into
#   the SegNet graph and running the train op.
import tensorflow as tf

import model
from Inputs import get_filename_list, CamVidInputs

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/segnet', 'checkpoint directory')
tf.app.flags.DEFINE_integer('batch_size', 5, 'batch size')
tf.app.flags.DEFINE_integer('max_steps', 20000, 'max steps')
tf.app.flags.DEFINE_string('image_dir', 'SegNet/CamVid/train.txt', 'path to the train list')


def training():
    image_filenames, label_filenames = get_filename_list(FLAGS.image_dir)
    with tf.Graph().as_default():
        train_data_node = tf.placeholder(tf.float32, shape=[FLAGS.batch_size, 360, 480, 3])
        train_labels_node = tf.placeholder(tf.int64, shape=[FLAGS.batch_size, 360, 480, 1])
        phase_train = tf.placeholder(tf.bool, name='phase_train')
        global_step = tf.Variable(0, trainable=False)
        images, labels = CamVidInputs(image_filenames, label_filenames, FLAGS.batch_size)

        loss, eval_prediction = model.inference(train_data_node, train_labels_node, phase_train)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = model.train(loss, global_step)

        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)
            for step in range(FLAGS.max_steps):
                image_batch, label_batch = sess.run([images, labels])
                _, loss_value = sess.run([train_op, loss], feed_dict={
                    train_data_node: image_batch, train_labels_node: label_batch, phase_train: True})
                if step % 10 == 0:
                    print('step %d, loss = %.2f' % (step, loss_value))
            coord.request_stop()
            coord.join(threads)


def main(args):
    training()


if __name__ == '__main__':
    tf.app.run()
