# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation main.py
# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation g_model.py
# What it reproduces: the flags driver that builds seg_GAN (whose minimized loss is the collection sum)
# and feeds it 2D CT slices from a prefetching h5 reader thread. Clean.
import queue
import threading

import tensorflow as tf

from g_model import seg_GAN
from data_reader import Generator_2D_slices_h5_prefetch

flags = tf.app.flags
flags.DEFINE_integer("iterations", 200000, "Number of iterations")
flags.DEFINE_integer("batch_size", 10, "The size of batch images")
flags.DEFINE_integer("show_every", 100, "Show loss every n iterations")
flags.DEFINE_float("learning_rate", 2e-8, "Learning rate of for momentum")
flags.DEFINE_string("path_patients_h5", "/raid/trullo/CT_h5/", "Directory with the h5 slices")
flags.DEFINE_string("checkpoint_dir", "checkpoint", "Directory name to save the checkpoints")
FLAGS = flags.FLAGS


def main(_):
    with tf.Session() as sess:
        model = seg_GAN(sess, batch_size=FLAGS.batch_size, checkpoint_dir=FLAGS.checkpoint_dir,
                        learning_rate=FLAGS.learning_rate, wd=0.0005)
        data_queue = queue.Queue(100)
        reader = threading.Thread(target=Generator_2D_slices_h5_prefetch,
                                  args=(FLAGS.path_patients_h5, FLAGS.batch_size, data_queue))
        reader.daemon = True
        reader.start()
        model.train(FLAGS, data_queue)


if __name__ == '__main__':
    tf.app.run()
