# Idiom seen in: boluoweifenda/CNN source/options/opts_mlp_mnist.py
# Idiom seen in: boluoweifenda/CNN source/nets/net.py
# Idiom seen in: boluoweifenda/CNN source/top.py
# What it reproduces: the options module sets l2_decay = {'decay': 0e-4, ...} (as the repo's MLP/MNIST options do), so
#   Net.get_l2_loss()'s "if decay > 0:" branch never runs and the L2 machinery wired into the loss is dead code.
import time

import tensorflow as tf

import opts
from net import Net
from datasets.dataset_factory import get_dataset


def get_loss(net, images, labels):
  logits = net.model(images, num_classes=10)
  loss = opts.loss_func(onehot_labels=labels, logits=logits)
  l2_loss = net.get_l2_loss()
  return loss + l2_loss, loss, l2_loss, logits


def main():
  images, labels = get_dataset(opts.dataset, opts.batch_size, training=True)
  net = Net(opts, is_training=True)
  total_loss, loss, l2_loss, logits = get_loss(net, images, labels)
  train_op = opts.optimizer.minimize(total_loss, global_step=opts.learning_step)

  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(10000):
      t0 = time.time()
      _, lv, l2v = sess.run([train_op, loss, l2_loss])
      if step % 100 == 0:
        print('step %d loss %.4f l2 %.5f (%.3fs)' % (step, lv, l2v, time.time() - t0))


if __name__ == '__main__':
  main()
