# Idiom seen in: l11x0m7/Question_Answering_Models code/ (a NNConfig class of hyper-parameters, QACNN(config), sess.run([model.train_op, model.total_loss, ...]))
# What it reproduces: the driver for model.py: a config object carrying l2_reg_lambda and lr, batches of
#   (question, positive answer, negative answer) from a data helper module that is not in the folder.
import os

import numpy as np
import tensorflow as tf

from data_helper import load_embedding, load_data, batch_iter
from model import QACNN


class NNConfig(object):
    def __init__(self, embeddings=None):
        self.max_q_length = 200
        self.max_a_length = 200
        self.embeddings = np.array(embeddings).astype(np.float32)
        self.embedding_size = self.embeddings.shape[1]
        self.hidden_size = 256
        self.filter_sizes = [1, 2, 3, 5, 7, 9]
        self.num_filters = 128
        self.l2_reg_lambda = 0.0001
        self.keep_prob = 0.6
        self.lr = 0.0003
        self.m = 0.05
        self.num_epochs = 30
        self.batch_size = 64
        self.cf = tf.ConfigProto(allow_soft_placement=True)


def train(sess, model, train_corpus, config):
    iterator = batch_iter(train_corpus, config.batch_size)
    total_loss = 0.
    for count, batch in enumerate(iterator):
        batch_q, batch_ap, batch_am = zip(*batch)
        _, loss, accu = sess.run([model.train_op, model.total_loss, model.accu],
                                 feed_dict={model.q: batch_q, model.aplus: batch_ap,
                                            model.aminus: batch_am, model.keep_prob: config.keep_prob})
        total_loss += loss
        if count % 100 == 0:
            print('[batch {}] loss: {:.4f} accu: {:.4f}'.format(count, loss, accu))
    return total_loss


def main(save_path='models/qacnn'):
    embeddings, word2idx = load_embedding('data/glove.6B.100d.txt')
    train_corpus = load_data('data/WikiQA-train.txt', word2idx, 200, 200)
    config = NNConfig(embeddings)
    with tf.Graph().as_default(), tf.Session(config=config.cf) as sess:
        model = QACNN(config)
        saver = tf.train.Saver()
        sess.run(tf.global_variables_initializer())
        for epoch in range(config.num_epochs):
            loss = train(sess, model, train_corpus, config)
            print('[epoch {}] total loss: {:.4f}'.format(epoch, loss))
            saver.save(sess, os.path.join(save_path, 'model.ckpt'), global_step=epoch)


if __name__ == '__main__':
    main()
