# Idiom seen in: lucosanta/tensorflow-cifar10-test main.py
# What it reproduces: the total (cross entropy + REGULARIZATION_LOSSES) is built and written to TensorBoard,
# but cnn.train() is handed the bare loss_op, so the optimizer never sees the decay terms (WD105).
import argparse
import tensorflow as tf

from CNN import CNN
from file_loader import load_cifar10_batches

parser = argparse.ArgumentParser()
parser.add_argument('--epochs', type=int, default=30)
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--weight_decay', type=float, default=5e-4)
args = parser.parse_args()

x = tf.placeholder(tf.float32, [None, 32, 32, 3])
y = tf.placeholder(tf.int64, [None])

cnn = CNN(lr=args.lr, weight_decay=args.weight_decay)
logits = cnn.build(x)
loss_op, loss_summary = cnn.loss(y, logits)
reg_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
total_loss = tf.add_n([loss_op] + reg_losses, name='total_loss')  # expect: WD105
total_summary = tf.summary.scalar('total_loss', total_loss)
train_op = cnn.train(loss_op)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    writer = tf.summary.FileWriter('./logs', sess.graph)
    step = 0
    for epoch in range(args.epochs):
        for batch_x, batch_y in load_cifar10_batches(cnn.batch_size):
            _, s1, s2 = sess.run([train_op, loss_summary, total_summary], {x: batch_x, y: batch_y})
            writer.add_summary(s1, step)
            writer.add_summary(s2, step)
            step += 1
