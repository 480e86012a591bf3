# Idiom seen in: williamleif/GraphSAGE graphsage/unsupervised_train.py
# What it reproduces: flags are defined in the training script and read by models.py through
#   tf.app.flags.FLAGS; the model object owns its optimizer and opt_op.
import numpy as np
import tensorflow as tf

from minibatch import EdgeMinibatchIterator  # sampler, not part of this program
from models import SampleAndAggregate
from utils import load_data  # data loading, not part of this program

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string('train_prefix', '', 'Prefix of the dataset files.')
flags.DEFINE_float('learning_rate', 0.00001, 'Initial learning rate.')
flags.DEFINE_float('weight_decay', 0.0005, 'Weight for l2 loss on the aggregator weights.')
flags.DEFINE_float('dropout', 0.0, 'Dropout rate (1 - keep probability).')
flags.DEFINE_integer('samples', 25, 'Neighbours sampled per node.')
flags.DEFINE_integer('dim_1', 128, 'Size of hidden layer 1.')
flags.DEFINE_integer('dim_2', 128, 'Size of hidden layer 2.')
flags.DEFINE_integer('batch_size', 512, 'Minibatch size.')
flags.DEFINE_integer('epochs', 1, 'Epochs.')


def construct_placeholders():
  placeholders = {'batch_size': tf.placeholder(tf.int32, name='batch_size')}
  for key in ('batch1', 'batch2', 'neg'):
    placeholders[key] = tf.placeholder(tf.int32, shape=(None,), name=key)
    placeholders[key + '_neigh'] = tf.placeholder(tf.int32, shape=(None, FLAGS.samples),
                                                  name=key + '_neigh')
  return placeholders


def train(train_data):
  G, features, id_map = train_data
  features = np.vstack([features, np.zeros((features.shape[1],))])
  placeholders = construct_placeholders()
  minibatch = EdgeMinibatchIterator(G, id_map, placeholders, batch_size=FLAGS.batch_size,
                                    num_samples=FLAGS.samples)
  model = SampleAndAggregate(placeholders, features,
                             dims=[features.shape[1], FLAGS.dim_1, FLAGS.dim_2],
                             learning_rate=FLAGS.learning_rate)
  sess = tf.Session()
  sess.run(tf.global_variables_initializer())
  for epoch in range(FLAGS.epochs):
    minibatch.shuffle()
    while not minibatch.end():
      feed_dict = minibatch.next_minibatch_feed_dict()
      _, loss = sess.run([model.opt_op, model.loss], feed_dict=feed_dict)
    print('epoch %d train_loss=%.5f' % (epoch, loss))


def main(argv=None):
  train(load_data(FLAGS.train_prefix))


if __name__ == '__main__':
  tf.app.run()
