# Idiom seen in: SeanLee97/artf artf/qanet.py
# Idiom seen in: SeanLee97/artf artf/conv.py
# What it reproduces: the SQuAD training loop around QANet (flags, dataset iterator, sess.run(train_op));
#   the optimized loss is model.loss, which holds no regularization term.
import numpy as np
import tensorflow as tf

from qanet import QANet
from util import get_record_parser, get_batch_dataset

flags = tf.flags
flags.DEFINE_string("train_record_file", "data/train.tfrecords", "Training records")
flags.DEFINE_string("word_emb_file", "data/word_emb.npy", "Word embedding matrix")
flags.DEFINE_integer("batch_size", 32, "Batch size")
flags.DEFINE_integer("num_steps", 60000, "Number of steps")
flags.DEFINE_integer("hidden", 96, "Hidden size")
flags.DEFINE_float("dropout", 0.1, "Dropout prob across the layers")
flags.DEFINE_float("grad_clip", 5.0, "Global norm of gradients")
flags.DEFINE_float("learning_rate", 0.001, "Learning rate")


def main(_):
    config = flags.FLAGS
    word_mat = np.load(config.word_emb_file)
    parser = get_record_parser(config)
    train_dataset = get_batch_dataset(config.train_record_file, parser, config)
    iterator = train_dataset.make_one_shot_iterator()
    model = QANet(config, iterator, word_mat)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(config.num_steps):
            global_step = sess.run(model.global_step) + 1
            loss, _ = sess.run([model.loss, model.train_op])
            if global_step % 100 == 0:
                print("step %d loss %.4f" % (global_step, loss))


if __name__ == "__main__":
    tf.app.run()
