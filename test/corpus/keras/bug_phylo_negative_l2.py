# Idiom seen in: davidrasm/phyloTF2 phyloTF2/L2Regularizer.py
# What it reproduces: phyloTF2's L2Regularizer(factor, offset) penalizing site-specific rates in a TF2
#   GradientTape fit; the factor is passed with a sign slip (copied from a log-prior that is maximized),
#   so the cost the optimizer minimizes rewards large rates: negative weight decay.
import tensorflow as tf

from phyloTF2.TreeLikeLoss import TreeLikeLoss
from phyloTF2.io import read_alignment


class L2Regularizer():

    def __init__(self, factor, offset=0.0):
        self.factor = factor
        self.offset = offset

    def call(self, weights):
        return tf.reduce_sum(self.factor * tf.math.square(weights - self.offset))


def fit(tree, alignment, n_sites, epochs=500, learning_rate=0.01):
    rates = tf.Variable(tf.ones([n_sites]), name='site_rates')
    like = TreeLikeLoss(tree, alignment)
    reg = L2Regularizer(-0.05, offset=1.0)  # expect: WD302
    optimizer = tf.keras.optimizers.Adam(learning_rate=learning_rate)
    for epoch in range(epochs):
        with tf.GradientTape() as tape:
            neg_log_like = -like.log_likelihood(rates)
            cost = neg_log_like + reg.call(rates)
        grads = tape.gradient(cost, [rates])
        optimizer.apply_gradients(zip(grads, [rates]))
        if epoch % 50 == 0:
            print('Epoch', epoch, 'cost', cost.numpy())
    return rates


if __name__ == '__main__':
    tree, alignment = read_alignment('data/sim_tree.tre', 'data/sim_seqs.fasta')
    fit(tree, alignment, n_sites=1000)
