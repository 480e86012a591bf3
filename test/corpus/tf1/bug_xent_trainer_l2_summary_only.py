# Idiom seen in: ufal/neuralmonkey neuralmonkey/trainers/cross_entropy_trainer.py (early CrossEntropyTrainer:
#   l2 over tf.trainable_variables(), tf.scalar_summary of it, compute_gradients + histogram summaries)
# What it reproduces: the trainer computes an l2 cost and logs it, but after the gradient-clipping
#   refactor compute_gradients() is called on decoder.cost alone, so the l2 term only feeds a summary.
# label-note: WD104 placed on the line that scales the penalty into the term that should have been
#   added to the cost (l2_value is the raw sum used by it); biases are filtered out of the sum.
import tensorflow as tf

from decoder import Decoder
from learning_utils import training_loop, load_dataset


class CrossEntropyTrainer(object):

    def __init__(self, decoder, l2_regularization, learning_rate=1e-4, clip_norm=5.0):
        self.decoder = decoder

        with tf.variable_scope("l2_regularization"):
            l2_value = tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables()
                                 if "bias" not in v.name])
            if l2_regularization > 0:
                l2_cost = l2_regularization * l2_value  # expect: WD104
            else:
                l2_cost = 0.0
            tf.summary.scalar("train_l2_cost", l2_value, collections=["summary_train"])

        optimizer = tf.train.AdamOptimizer(learning_rate)
        gradients = optimizer.compute_gradients(decoder.cost)
        clipped = [(tf.clip_by_norm(g, clip_norm), v) for g, v in gradients if g is not None]
        for (g, v) in clipped:
            tf.summary.histogram("gr_" + v.name, g, collections=["summary_gradients"])

        self.optimize_op = optimizer.apply_gradients(clipped, global_step=decoder.learning_step)
        self.summaries_train = tf.summary.merge_all("summary_train")
        self.summaries_gradients = tf.summary.merge_all("summary_gradients")

    def run(self, sess, fd, verbose=False):
        if verbose:
            return sess.run([self.optimize_op, self.decoder.cost,
                             self.summaries_train, self.summaries_gradients], feed_dict=fd)
        return sess.run([self.optimize_op], feed_dict=fd)


def main():
    train_data, val_data, vocabulary = load_dataset("data/iwslt")
    decoder = Decoder(vocabulary, rnn_size=256, embedding_size=128, dropout_keep_p=0.7)
    trainer = CrossEntropyTrainer(decoder, l2_regularization=1e-8)
    training_loop(decoder, trainer, train_data, val_data, epochs=10, batch_size=64)


if __name__ == "__main__":
    main()
