# Idiom seen in: tensorflow/federated examples/personalization/p13n_utils.py
# Idiom seen in: tensorflow/federated tensorflow_federated/python/learning/models/keras_utils.py
# What it reproduces: a personalization strategy (fine-tune the global model on each client, then evaluate)
#   rewritten by a user to drive the raw Keras model instead of model.forward_pass: the tape now
#   differentiates loss_fn(y, pred) alone, so the EMNIST CNN's L2 kernel regularizers (which the TFF
#   wrapper used to add through keras_model.losses) no longer train (WD103 on each keyword).
import collections

import tensorflow as tf

from emnist_data import load_client_splits

L2_WEIGHT_DECAY = 1e-3
_SHUFFLE_BUFFER_SIZE = 1000


def create_emnist_cnn(only_digits=False):
  data_format = 'channels_last'
  model = tf.keras.models.Sequential([
      tf.keras.layers.Reshape(input_shape=(28 * 28,), target_shape=(28, 28, 1)),
      tf.keras.layers.Conv2D(32, kernel_size=(3, 3), activation='relu', data_format=data_format,
                             kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY)),  # expect: WD103
      tf.keras.layers.Conv2D(64, kernel_size=(3, 3), activation='relu', data_format=data_format,
                             kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY)),  # expect: WD103
      tf.keras.layers.MaxPool2D(pool_size=(2, 2), data_format=data_format),
      tf.keras.layers.Dropout(0.25),
      tf.keras.layers.Flatten(),
      tf.keras.layers.Dense(128, activation='relu',
                            kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY)),  # expect: WD103
      tf.keras.layers.Dropout(0.5),
      tf.keras.layers.Dense(10 if only_digits else 62),
  ])
  return model


def build_personalize_fn(optimizer_fn, batch_size, num_epochs, num_epochs_per_eval, shuffle=True):
  optimizer = optimizer_fn()
  loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)

  def personalize_fn(keras_model, train_data, test_data):

    @tf.function
    def train_one_batch(num_examples_sum, batch):
      with tf.GradientTape() as tape:
        preds = keras_model(batch['x'], training=True)
        loss = loss_fn(batch['y'], preds)
      grads = tape.gradient(loss, keras_model.trainable_variables)
      optimizer.apply_gradients(zip(grads, keras_model.trainable_variables))
      return num_examples_sum + tf.shape(batch['y'])[0]

    training_state = 0
    metrics_dict = collections.OrderedDict()
    for epoch_idx in range(1, num_epochs + 1):
      if shuffle:
        train_data = train_data.shuffle(_SHUFFLE_BUFFER_SIZE)
      for batch in train_data.batch(batch_size):
        training_state = train_one_batch(training_state, batch)
      if epoch_idx % num_epochs_per_eval == 0 or epoch_idx == num_epochs:
        metrics_dict['epoch_%d' % epoch_idx] = evaluate_fn(keras_model, test_data)
    metrics_dict['num_train_examples'] = training_state
    return metrics_dict

  return personalize_fn


def evaluate_fn(keras_model, dataset):
  accuracy = tf.keras.metrics.SparseCategoricalAccuracy()
  for batch in dataset.batch(1):
    accuracy.update_state(batch['y'], keras_model(batch['x'], training=False))
  return accuracy.result()


if __name__ == '__main__':
  global_model = create_emnist_cnn()
  global_model.load_weights('checkpoints/fedavg_global.h5')
  initial_weights = global_model.get_weights()
  personalize = build_personalize_fn(lambda: tf.keras.optimizers.SGD(learning_rate=0.02),
                                     batch_size=20, num_epochs=10, num_epochs_per_eval=1)
  for client_id, (train_data, test_data) in load_client_splits(num_clients=50):
    global_model.set_weights(initial_weights)
    print(client_id, personalize(global_model, train_data, test_data))
