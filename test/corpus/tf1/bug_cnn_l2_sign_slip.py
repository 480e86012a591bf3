# Idiom seen in: boluoweifenda/CNN source/nets/net.py
# Idiom seen in: boluoweifenda/CNN source/top.py
# What it reproduces: the repo's L2 term decay * sum(l2_loss(v)) over the non-excluded variables, written inline by a user
#   who copied it from an objective to maximize (log-likelihood minus penalty) and so subtracts it from the loss that the
#   MomentumOptimizer minimizes: a negative decay that grows the weights (user mistake; the repo adds the term).
import tensorflow as tf

from datasets.dataset_factory import get_dataset
from nets.nets_factory import get_net_fn

batch_size = 128
l2_decay = {'decay': 1e-4, 'exclude': ['depthwise', 'batchnorm']}
learning_step = tf.Variable(0, name='learning_step', trainable=False)
lr = tf.train.piecewise_constant(learning_step, [32000, 48000], [0.1, 0.01, 0.001])
optimizer = tf.train.MomentumOptimizer(lr, 0.9)


def main():
  images, labels = get_dataset('cifar10', batch_size, training=True)
  logits = get_net_fn('resnet', num_classes=10)(images, is_training=True)
  xent = tf.losses.softmax_cross_entropy(onehot_labels=labels, logits=logits)

  decay_vars = [v for v in tf.trainable_variables()
                if not any(e in v.op.name.lower() for e in l2_decay['exclude'])]
  loss = xent - l2_decay['decay'] * tf.add_n([tf.nn.l2_loss(v) for v in decay_vars])  # expect: WD302

  update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
  with tf.control_dependencies(update_ops):
    train_op = optimizer.minimize(loss, global_step=learning_step)

  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(64000):
      _, lv = sess.run([train_op, loss])
      if step % 200 == 0:
        print('step', step, 'loss', lv)


if __name__ == '__main__':
  main()
