# Idiom seen in: IamHimon/cnn_text_classification text_cnn.py
# What it reproduces: TF1 model class with self.loss built in one method (cross entropy + l2_lambda times the
#   l2_loss of every non-bias trainable variable) and the train op built in another from self.loss;
#   a Saver-based loop runs it (clean).
import argparse

import tensorflow as tf

from data_utils import load_corpus, batch_iter


class BiLSTMClassifier(object):
    def __init__(self, config):
        self.config = config
        self.input_x = tf.placeholder(tf.int32, [None, config['max_len']], name='input_x')
        self.input_y = tf.placeholder(tf.int64, [None], name='input_y')
        self.keep_prob = tf.placeholder(tf.float32, name='keep_prob')
        self._build_graph()
        self._build_loss()
        self._build_train_op()

    def _build_graph(self):
        c = self.config
        emb = tf.get_variable('embedding', [c['vocab_size'], c['embed_dim']])
        inputs = tf.nn.embedding_lookup(emb, self.input_x)
        fw = tf.nn.rnn_cell.LSTMCell(c['hidden'])
        bw = tf.nn.rnn_cell.LSTMCell(c['hidden'])
        (out_fw, out_bw), _ = tf.nn.bidirectional_dynamic_rnn(fw, bw, inputs, dtype=tf.float32)
        feat = tf.concat([out_fw[:, -1, :], out_bw[:, -1, :]], axis=1)
        feat = tf.nn.dropout(feat, self.keep_prob)
        w = tf.get_variable('out_w', [2 * c['hidden'], c['num_classes']])
        b = tf.get_variable('out_bias', [c['num_classes']], initializer=tf.zeros_initializer())
        self.logits = tf.matmul(feat, w) + b

    def _build_loss(self):
        xent = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=self.input_y, logits=self.logits))
        l2 = tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables() if 'bias' not in v.name])
        self.loss = xent + self.config['l2_lambda'] * l2
        self.accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(self.logits, 1), self.input_y), tf.float32))

    def _build_train_op(self):
        self.global_step = tf.Variable(0, trainable=False, name='global_step')
        opt = tf.train.AdamOptimizer(self.config['lr'])
        grads, tvars = zip(*opt.compute_gradients(self.loss))
        grads, _ = tf.clip_by_global_norm(grads, 5.0)
        self.train_op = opt.apply_gradients(zip(grads, tvars), global_step=self.global_step)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--l2_lambda', type=float, default=1e-4)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--epochs', type=int, default=10)
    args = parser.parse_args()

    x, y, vocab = load_corpus('data/train.txt')
    config = {'max_len': x.shape[1], 'vocab_size': len(vocab), 'embed_dim': 200, 'hidden': 128,
              'num_classes': 2, 'l2_lambda': args.l2_lambda, 'lr': args.lr}
    model = BiLSTMClassifier(config)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for xb, yb in batch_iter(x, y, 64, args.epochs):
            _, step, loss = sess.run([model.train_op, model.global_step, model.loss],
                                     {model.input_x: xb, model.input_y: yb, model.keep_prob: 0.5})
            if step % 500 == 0:
                saver.save(sess, 'ckpt/bilstm', global_step=step)
                print(step, loss)


if __name__ == '__main__':
    main()
