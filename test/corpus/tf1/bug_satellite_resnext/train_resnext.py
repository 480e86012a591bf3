# Idiom seen in: WindChimeRan/Deep-Satellite train_resnext.py
# Idiom seen in: WindChimeRan/Deep-Satellite network/resnext_atrous.py
# What it reproduces: the training script of the satellite segmenter; it defines FLAGS.weight_decay for the
#   regularizers of resnext_atrous.py but differentiates only the cross entropy that loss() returns (WD102 is
#   reported in resnext_atrous.py, where the regularizer= keyword is).
from __future__ import print_function
import time
import datetime
import tensorflow as tf
from read_tfrecorder import input_pipeline
from resnext_atrous import loss, iou

FLAGS = tf.flags.FLAGS
tf.flags.DEFINE_integer("batch_size", "2", "batch size for training")
tf.flags.DEFINE_integer("validation_batch_size", "4", "batch size for validation")
tf.flags.DEFINE_float("learning_rate", "1e-4", "Learning rate for Adam Optimizer")
tf.flags.DEFINE_string("logs_dir", "logs/", "path to logs directory")
tf.app.flags.DEFINE_integer('cardinality', 2, '''Cardinality, number of paths in each block''')
tf.app.flags.DEFINE_integer('block_unit_depth', 64, '''the depth of each split''')
tf.app.flags.DEFINE_integer('num_resnext_blocks', 3, '''How many blocks do you want''')
tf.app.flags.DEFINE_float('weight_decay', 0.0007, '''scale for l2 regularization''')

MAX_ITERATION = int(2e5 + 1)
IMAGE_SIZE = 100


def main(argv=None):
    with tf.Graph().as_default(), tf.device('/cpu:0'):
        with tf.device('/gpu:0'):
            train_images, train_annotations = input_pipeline("./train.tfrecords", FLAGS.batch_size)
            validation_images, validation_annotations = input_pipeline("./validation.tfrecords",
                                                                       FLAGS.validation_batch_size)
            keep_probability = tf.placeholder(tf.float32, name="keep_probabilty")
            image = tf.placeholder(tf.float32, shape=[None, IMAGE_SIZE, IMAGE_SIZE, 3], name="input_image")
            annotation = tf.placeholder(tf.float32, shape=[None, IMAGE_SIZE, IMAGE_SIZE], name="annotation")

            optimizer = tf.train.AdamOptimizer(FLAGS.learning_rate)
            pred_annotation, total_loss = loss(image, annotation, keep_probability)
            iou_cul = iou(pred_annotation, annotation)
            tf.summary.scalar("entropy", total_loss)
            tf.summary.scalar("IOU", iou_cul)

            trainable_var = tf.trainable_variables()
            grads = optimizer.compute_gradients(total_loss, var_list=trainable_var)
            train_op = optimizer.apply_gradients(grads)
            summary_op = tf.summary.merge_all()

            config = tf.ConfigProto(allow_soft_placement=True, log_device_placement=False)
            config.gpu_options.allow_growth = True
            sess = tf.Session(config=config)
            saver = tf.train.Saver()
            summary_writer = tf.summary.FileWriter(FLAGS.logs_dir, sess.graph)
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            threads = tf.train.start_queue_runners(sess=sess, coord=coord)

            for step in range(MAX_ITERATION):
                start_time = time.time()
                x, y = sess.run([train_images, train_annotations])
                feed_dict = {image: x, annotation: y, keep_probability: 0.85}
                sess.run(train_op, feed_dict=feed_dict)
                duration = time.time() - start_time
                if step % 10 == 0:
                    train_loss = sess.run(total_loss, feed_dict=feed_dict)
                    print('step {:d} \t loss = {:.8f}, ({:.3f} sec/step)'.format(step, train_loss, duration))
                if step % 50 == 0:
                    vx, vy = sess.run([validation_images, validation_annotations])
                    feed_dict = {image: vx, annotation: vy, keep_probability: 1.0}
                    iou_v, loss_v, summary_str = sess.run([iou_cul, total_loss, summary_op], feed_dict=feed_dict)
                    print("%s ---> Validation_loss: %g IOU: %g" % (datetime.datetime.now(), loss_v, iou_v))
                    summary_writer.add_summary(summary_str, step)
                if step % 50000 == 0:
                    saver.save(sess, FLAGS.logs_dir + "model.ckpt", step)
            coord.request_stop()
            coord.join(threads)
            sess.close()


if __name__ == "__main__":
    tf.app.run()
