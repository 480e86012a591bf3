# Idiom seen in: boluoweifenda/CNN source/nets/net.py
# Idiom seen in: boluoweifenda/CNN source/options/opts_resnet_cifar.py
# What it reproduces: the repo's get_l2_loss(): decay * sum(l2_loss) over the trainable variables minus excluded names, with
#   decay = 5e-4 from the options dict, added to the cross entropy that the Nesterov MomentumOptimizer minimizes: clean.
import tensorflow as tf

from datasets.dataset_factory import get_dataset
from nets.nets_factory import get_net_fn

batch_size = 128
l2_decay = {'decay': 5e-4, 'exclude': ['depthwise', 'batchnorm', 'bias']}
epoch_step = tf.Variable(1, name='epoch_step', trainable=False)
lr_decay = tf.train.cosine_decay(0.1, epoch_step, decay_steps=200)
optimizer = tf.train.MomentumOptimizer(lr_decay, 0.9, use_nesterov=True)


def get_l2_loss(l2_decay):
  decay = l2_decay['decay']
  if decay > 0:
    list_var = []
    for var in tf.trainable_variables():
      name_lowcase = var.op.name.lower()
      if not any(e.lower() in name_lowcase for e in l2_decay['exclude']):
        list_var.append(tf.nn.l2_loss(var))
    return decay * tf.add_n(list_var)
  return tf.constant(0.0)


def main():
  images, labels = get_dataset('cifar10', batch_size, training=True)
  net_fn = get_net_fn('resnet', num_classes=10)
  logits = net_fn(images, is_training=True)
  xent = tf.losses.softmax_cross_entropy(onehot_labels=labels, logits=logits)
  total_loss = xent + get_l2_loss(l2_decay)

  update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
  with tf.control_dependencies(update_ops):
    train_op = optimizer.minimize(total_loss)

  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(64000):
      _, lv = sess.run([train_op, total_loss])
      if step % 200 == 0:
        print(step, lv)


if __name__ == '__main__':
  main()
