# Idiom seen in: stellargraph/stellargraph stellargraph/layer/gcn.py
# What it reproduces: full-batch semi-supervised node classification (Cora) with the GCN above, trained
#   in a GradientTape loop on masked cross entropy + tf.add_n(model.losses): the first layer's l2 term is
#   part of the differentiated loss. Data comes from a loader this program does not hold. Clean.
import argparse
import numpy as np
import tensorflow as tf
from utils import load_cora, normalize_adj_sparse
from gcn_layers import build_gcn

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=0.01)
parser.add_argument("--epochs", type=int, default=200)
parser.add_argument("--hidden", type=int, default=16)
parser.add_argument("--weight_decay", type=float, default=5e-4)
parser.add_argument("--dropout", type=float, default=0.5)
args = parser.parse_args()

features, adj, labels, idx_train, idx_val = load_cora("data/cora")
A = normalize_adj_sparse(adj)
model = build_gcn(features.shape[1], labels.shape[1], args.hidden, args.dropout, args.weight_decay)
optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)
cce = tf.keras.losses.CategoricalCrossentropy()


def train_step():
    with tf.GradientTape() as tape:
        out = model([features, A], training=True)
        loss = cce(tf.gather(labels, idx_train), tf.gather(out, idx_train)) + tf.add_n(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss, out


for epoch in range(args.epochs):
    loss, out = train_step()
    val_acc = np.mean(np.argmax(out.numpy()[idx_val], 1) == np.argmax(labels[idx_val], 1))
    print("Epoch {:04d} loss {:.4f} val_acc {:.4f}".format(epoch + 1, float(loss), val_acc))
