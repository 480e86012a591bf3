# Idiom seen in: gaussic/text-classification-cnn-rnn model.py
# What it reproduces: the training driver that runs model.optim (built on the cross entropy only) and
#   merges the summaries, so the l2 term is visible in TensorBoard but never trained.
import os
import sys
import time
from datetime import timedelta

import tensorflow as tf

from cnn_model import TCNNConfig, TextCNN
from data.cnews_loader import read_vocab, read_category, batch_iter, process_file, build_vocab

base_dir = 'data/cnews'
train_dir = os.path.join(base_dir, 'cnews.train.txt')
val_dir = os.path.join(base_dir, 'cnews.val.txt')
vocab_dir = os.path.join(base_dir, 'cnews.vocab.txt')
save_dir = 'checkpoints/textcnn'
save_path = os.path.join(save_dir, 'best_validation')


def get_time_dif(start_time):
    return timedelta(seconds=int(round(time.time() - start_time)))


def feed_data(x_batch, y_batch, keep_prob):
    return {model.input_x: x_batch, model.input_y: y_batch, model.keep_prob: keep_prob}


def train():
    tensorboard_dir = 'tensorboard/textcnn'
    tf.summary.scalar("loss", model.loss)
    tf.summary.scalar("accuracy", model.acc)
    merged_summary = tf.summary.merge_all()
    writer = tf.summary.FileWriter(tensorboard_dir)
    saver = tf.train.Saver()

    x_train, y_train = process_file(train_dir, word_to_id, cat_to_id, config.seq_length)
    session = tf.Session()
    session.run(tf.global_variables_initializer())
    writer.add_graph(session.graph)

    start_time = time.time()
    total_batch = 0
    for epoch in range(config.num_epochs):
        for x_batch, y_batch in batch_iter(x_train, y_train, config.batch_size):
            feed_dict = feed_data(x_batch, y_batch, config.dropout_keep_prob)
            if total_batch % config.save_per_batch == 0:
                s = session.run(merged_summary, feed_dict=feed_dict)
                writer.add_summary(s, total_batch)
            if total_batch % config.print_per_batch == 0:
                loss_train, acc_train = session.run([model.loss, model.acc], feed_dict=feed_dict)
                print('Iter: %6d, Train Loss: %.2f, Train Acc: %.2f, Time: %s'
                      % (total_batch, loss_train, acc_train, get_time_dif(start_time)))
                saver.save(sess=session, save_path=save_path)
            session.run(model.optim, feed_dict=feed_dict)
            total_batch += 1


if __name__ == '__main__':
    config = TCNNConfig()
    if not os.path.exists(vocab_dir):
        build_vocab(train_dir, vocab_dir, config.vocab_size)
    categories, cat_to_id = read_category()
    words, word_to_id = read_vocab(vocab_dir)
    config.vocab_size = len(words)
    model = TextCNN(config)
    train()
