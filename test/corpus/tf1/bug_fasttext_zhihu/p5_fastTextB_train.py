# Idiom seen in: brightmart/text_classification a01_FastText/old_single_label/p5_fastTextB_train.py
# What it reproduces: tf.app.flags / tf.app.run training script for the zhihu question-tagging fastText; data
#   comes from a loader module the workspace does not hold. The dropped L2 term is in p5_fastTextB_model.py.
import os

import numpy as np
import tensorflow as tf

from p5_fastTextB_model import fastTextB as fastText
from p4_zhihu_load_data import load_data, create_voabulary, create_voabulary_label
from tflearn.data_utils import pad_sequences

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer("label_size", 1999, "number of label")
tf.app.flags.DEFINE_float("learning_rate", 0.01, "learning rate")
tf.app.flags.DEFINE_integer("batch_size", 128, "Batch size for training/evaluating.")
tf.app.flags.DEFINE_integer("decay_steps", 20000, "how many steps before decay learning rate.")
tf.app.flags.DEFINE_float("decay_rate", 0.8, "Rate of decay for learning rate.")
tf.app.flags.DEFINE_integer("num_sampled", 50, "number of noise sampling")
tf.app.flags.DEFINE_string("ckpt_dir", "fast_text_checkpoint/", "checkpoint location for the model")
tf.app.flags.DEFINE_integer("sentence_len", 200, "max sentence length")
tf.app.flags.DEFINE_integer("embed_size", 100, "embedding size")
tf.app.flags.DEFINE_boolean("is_training", True, "is traning.true:tranining,false:testing/inference")
tf.app.flags.DEFINE_integer("num_epochs", 15, "number of epochs")


def main(_):
    vocabulary_word2index, vocabulary_index2word = create_voabulary()
    vocab_size = len(vocabulary_word2index)
    vocabulary_word2index_label, _ = create_voabulary_label()
    train, test, _ = load_data(vocabulary_word2index, vocabulary_word2index_label, data_type='train')
    trainX, trainY = train
    testX, testY = test
    trainX = pad_sequences(trainX, maxlen=FLAGS.sentence_len, value=0.)
    testX = pad_sequences(testX, maxlen=FLAGS.sentence_len, value=0.)

    config = tf.ConfigProto()
    config.gpu_options.allow_growth = True
    with tf.Session(config=config) as sess:
        fast_text = fastText(FLAGS.label_size, FLAGS.learning_rate, FLAGS.batch_size, FLAGS.decay_steps,
                             FLAGS.decay_rate, FLAGS.num_sampled, FLAGS.sentence_len, vocab_size,
                             FLAGS.embed_size, FLAGS.is_training)
        saver = tf.train.Saver()
        if os.path.exists(FLAGS.ckpt_dir + "checkpoint"):
            saver.restore(sess, tf.train.latest_checkpoint(FLAGS.ckpt_dir))
        else:
            sess.run(tf.global_variables_initializer())

        number_of_training_data = len(trainX)
        batch_size = FLAGS.batch_size
        for epoch in range(sess.run(fast_text.epoch_step), FLAGS.num_epochs):
            loss, acc, counter = 0.0, 0.0, 0
            for start, end in zip(range(0, number_of_training_data, batch_size),
                                  range(batch_size, number_of_training_data, batch_size)):
                curr_loss, curr_acc, _ = sess.run(
                    [fast_text.loss_val, fast_text.accuracy, fast_text.train_op],
                    feed_dict={fast_text.sentence: trainX[start:end], fast_text.labels: trainY[start:end]})
                loss, acc, counter = loss + curr_loss, acc + curr_acc, counter + 1
                if counter % 500 == 0:
                    print("Epoch %d\tBatch %d\tTrain Loss:%.3f\tTrain Accuracy:%.3f"
                          % (epoch, counter, loss / float(counter), acc / float(counter)))
            sess.run(fast_text.epoch_increment)
            saver.save(sess, FLAGS.ckpt_dir + "model.ckpt", global_step=epoch)
        print("done. test size:", np.array(testX).shape)


if __name__ == "__main__":
    tf.app.run()
