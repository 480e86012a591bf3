# Idiom seen in: tensorflow/federated tensorflow_federated/python/learning/models/keras_utils.py
# Idiom seen in: tensorflow/federated examples/personalization/p13n_utils.py
# What it reproduces: a client update loop (train_one_batch reduced over the client dataset) that
#   differentiates model.forward_pass(batch).loss, which holds the L2 terms; absl entry point. Clean.
from absl import app
from absl import flags
import tensorflow as tf

from keras_utils import KerasModelWrapper
from resnet_models import create_resnet18
from cifar_clients import load_client_datasets

FLAGS = flags.FLAGS
flags.DEFINE_integer('client_epochs', 1, 'Local epochs per round.')
flags.DEFINE_integer('batch_size', 20, 'Client batch size.')
flags.DEFINE_float('client_lr', 0.1, 'Client learning rate.')
flags.DEFINE_integer('rounds', 100, 'Federated rounds.')


def build_client_update(model, optimizer):

  @tf.function
  def client_update(dataset):

    def train_one_batch(num_examples_sum, batch):
      with tf.GradientTape() as tape:
        output = model.forward_pass(batch)
      grads = tape.gradient(output.loss, model.trainable_variables)
      optimizer.apply_gradients(zip(grads, model.trainable_variables))
      return num_examples_sum + output.num_examples

    return dataset.reduce(initial_state=0, reduce_func=train_one_batch)

  return client_update


def main(argv):
  del argv
  keras_model = create_resnet18()
  model = KerasModelWrapper(
      keras_model, tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
      [tf.keras.metrics.SparseCategoricalAccuracy()])
  optimizer = tf.keras.optimizers.SGD(learning_rate=FLAGS.client_lr)
  client_update = build_client_update(model, optimizer)
  global_weights = [w.numpy() for w in keras_model.weights]
  for round_num in range(FLAGS.rounds):
    client_weights = []
    for client_data in load_client_datasets(round_num, FLAGS.batch_size, FLAGS.client_epochs):
      keras_model.set_weights(global_weights)
      client_update(client_data)
      client_weights.append(keras_model.get_weights())
    global_weights = [sum(ws) / len(ws) for ws in zip(*client_weights)]
    print('round %d done' % round_num)


if __name__ == '__main__':
  app.run(main)
