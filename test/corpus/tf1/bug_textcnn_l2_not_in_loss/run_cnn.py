# Idiom seen in: DOLO520/representationlearning text-classification-cnn-rnn/readme.md (gaussic-style run_cnn.py)
# What it reproduces: the run_cnn training loop: vocab/category loading and batches from a cnews_loader module the
#   folder does not hold, feed_dict training of model.optim, TensorBoard summaries and best-validation checkpoints.
import os
import sys
import time

import tensorflow as tf

from cnews_loader import read_vocab, read_category, batch_iter, process_file
from cnn_model import TCNNConfig, TextCNN

base_dir = 'data/cnews'
train_dir = os.path.join(base_dir, 'cnews.train.txt')
val_dir = os.path.join(base_dir, 'cnews.val.txt')
vocab_dir = os.path.join(base_dir, 'cnews.vocab.txt')
save_path = 'checkpoints/textcnn/best_validation'
tensorboard_dir = 'tensorboard/textcnn'


def train(model, config, word_to_id, cat_to_id):
    tf.summary.scalar("loss", model.loss)
    tf.summary.scalar("accuracy", model.acc)
    merged_summary = tf.summary.merge_all()
    writer = tf.summary.FileWriter(tensorboard_dir)
    saver = tf.train.Saver()

    x_train, y_train = process_file(train_dir, word_to_id, cat_to_id, config.seq_length)
    x_val, y_val = process_file(val_dir, word_to_id, cat_to_id, config.seq_length)

    session = tf.Session()
    session.run(tf.global_variables_initializer())
    writer.add_graph(session.graph)
    total_batch, best_acc_val = 0, 0.0
    start_time = time.time()
    for epoch in range(config.num_epochs):
        print('Epoch:', epoch + 1)
        for x_batch, y_batch in batch_iter(x_train, y_train, config.batch_size):
            feed_dict = {model.input_x: x_batch, model.input_y: y_batch, model.keep_prob: config.dropout_keep_prob}
            if total_batch % config.save_per_batch == 0:
                writer.add_summary(session.run(merged_summary, feed_dict=feed_dict), total_batch)
            if total_batch % config.print_per_batch == 0:
                loss_val, acc_val = session.run([model.loss, model.acc], feed_dict={
                    model.input_x: x_val, model.input_y: y_val, model.keep_prob: 1.0})
                if acc_val > best_acc_val:
                    best_acc_val = acc_val
                    saver.save(sess=session, save_path=save_path)
                print('Iter: {0:>6}, Val Loss: {1:>6.2}, Val Acc: {2:>7.2%}, Time: {3:.0f}s'.format(
                    total_batch, loss_val, acc_val, time.time() - start_time))
            session.run(model.optim, feed_dict=feed_dict)
            total_batch += 1


if __name__ == '__main__':
    if len(sys.argv) != 2 or sys.argv[1] not in ['train', 'test']:
        raise ValueError("usage: python run_cnn.py [train / test]")
    config = TCNNConfig()
    categories, cat_to_id = read_category()
    words, word_to_id = read_vocab(vocab_dir)
    config.vocab_size = len(words)
    model = TextCNN(config)
    if sys.argv[1] == 'train':
        train(model, config, word_to_id, cat_to_id)
