# Idiom seen in: qiuliwang/MedicWork Code/livercancer/main.py
# What it reproduces: the tf.app.run entry point that builds the model in a session and feeds CT slices
#   from a data module the folder does not hold.
import tensorflow as tf

from config import Config
from dataprepare import DataSet  # CT slice loader, not in this folder
from rcnn_model import RCNNModel

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('phase', 'train', 'train or test')
tf.app.flags.DEFINE_boolean('load', False, 'resume from the last checkpoint')


def main(argv):
    config = Config()
    config.phase = FLAGS.phase
    with tf.Session() as sess:
        model = RCNNModel(config)
        model.build()
        sess.run(tf.global_variables_initializer())
        saver = tf.train.Saver(max_to_keep=5)
        writer = tf.summary.FileWriter(config.summary_dir, sess.graph)
        data = DataSet(config.train_label_file, config.batch_size)
        step = 0
        for epoch in range(config.num_epochs):
            for images, labels in data.batches():
                loss, summary = model.train_step(sess, images, labels)
                writer.add_summary(summary, step)
                step += 1
            print('epoch %d loss %.4f' % (epoch, loss))
            saver.save(sess, config.save_dir + 'model', global_step=step)


if __name__ == '__main__':
    tf.app.run()
