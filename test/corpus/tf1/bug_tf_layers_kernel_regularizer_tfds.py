# Idiom seen in: tensorflow/models official/mnist/mnist.py; keithyin/mynotes tensorflow/regularizers.md
# What it reproduces: a TF1 graph-mode script (tfds input, tf.layers with
# kernel_regularizer=l2_regularizer, tf.app.run) whose loss is the bare cross entropy:
# the REGULARIZATION_LOSSES collection is filled and never read (WD102 on each keyword).
import tensorflow as tf
import tensorflow_datasets as tfds

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_float('weight_decay', 5e-4, 'L2 scale for the kernels.')
tf.app.flags.DEFINE_float('learning_rate', 1e-3, 'Adam learning rate.')
tf.app.flags.DEFINE_integer('batch_size', 64, 'Batch size.')
tf.app.flags.DEFINE_integer('epochs', 10, 'Number of epochs.')


def make_iterator(split):
  ds = tfds.load('fashion_mnist', split=split, as_supervised=True)
  ds = ds.map(lambda img, lbl: (tf.cast(img, tf.float32) / 255.0, lbl))
  ds = ds.shuffle(10000).batch(FLAGS.batch_size)
  return tf.data.make_initializable_iterator(ds)


def network(images, training):
  regularizer = tf.contrib.layers.l2_regularizer(scale=FLAGS.weight_decay)
  net = tf.layers.conv2d(images, 32, 3, activation=tf.nn.relu,
                         kernel_regularizer=regularizer)  # expect: WD102
  net = tf.layers.max_pooling2d(net, 2, 2)
  net = tf.layers.conv2d(net, 64, 3, activation=tf.nn.relu,
                         kernel_regularizer=regularizer)  # expect: WD102
  net = tf.layers.max_pooling2d(net, 2, 2)
  net = tf.layers.flatten(net)
  net = tf.layers.dense(net, 128, activation=tf.nn.relu,
                        kernel_regularizer=regularizer)  # expect: WD102
  net = tf.layers.dropout(net, 0.5, training=training)
  return tf.layers.dense(net, 10)


def main(_):
  iterator = make_iterator('train')
  images, labels = iterator.get_next()
  training = tf.placeholder_with_default(True, shape=())
  logits = network(images, training)

  loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
  accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1), labels), tf.float32))
  train_op = tf.train.AdamOptimizer(FLAGS.learning_rate).minimize(loss)

  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(FLAGS.epochs):
      sess.run(iterator.initializer)
      try:
        while True:
          _, loss_value, acc = sess.run([train_op, loss, accuracy])
      except tf.errors.OutOfRangeError:
        print('epoch %d: loss %.4f acc %.4f' % (epoch, loss_value, acc))


if __name__ == '__main__':
  tf.app.run()
