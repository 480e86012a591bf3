# Idiom seen in: google-research/simclr tf2/run.py
# What it reproduces: absl main with tfds.builder data, a MirroredStrategy, and a single_step whose
# loss gets `loss += weight_decay` from model_lib.add_weight_decay before tape.gradient; the step is
# only reached through strategy.run inside a tf.function. Decay correctly wired.
import math

from absl import app, flags, logging
import tensorflow.compat.v2 as tf
import tensorflow_datasets as tfds

import data as data_lib
import model as model_lib

FLAGS = flags.FLAGS
flags.DEFINE_float('learning_rate', 0.3, 'Initial learning rate per batch size of 256.')
flags.DEFINE_float('weight_decay', 1e-6, 'Amount of weight decay to use.')
flags.DEFINE_float('momentum', 0.9, 'Momentum parameter.')
flags.DEFINE_enum('optimizer', 'lars', ['momentum', 'adam', 'lars'], 'Optimizer to use.')
flags.DEFINE_integer('train_batch_size', 512, 'Batch size for training.')
flags.DEFINE_integer('train_epochs', 100, 'Number of epochs to train for.')
flags.DEFINE_integer('steps_per_loop', 100, 'Steps per tf.function call.')
flags.DEFINE_string('dataset', 'imagenet2012', 'Name of a dataset.')
flags.DEFINE_string('data_dir', None, 'Directory where dataset is stored.')
flags.DEFINE_integer('resnet_depth', 50, 'Depth of ResNet.')
flags.DEFINE_integer('width_multiplier', 1, 'Multiplier to change width of network.')
flags.DEFINE_integer('image_size', 224, 'Input image size.')


def main(argv):
    if len(argv) > 1:
        raise app.UsageError('Too many command-line arguments.')
    builder = tfds.builder(FLAGS.dataset, data_dir=FLAGS.data_dir)
    builder.download_and_prepare()
    num_train_examples = builder.info.splits['train'].num_examples
    num_classes = builder.info.features['label'].num_classes
    train_steps = num_train_examples * FLAGS.train_epochs // FLAGS.train_batch_size + 1

    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = model_lib.Model(num_classes)
        ds = data_lib.build_distributed_dataset(builder, FLAGS.train_batch_size, True, strategy, None)
        learning_rate = FLAGS.learning_rate * math.sqrt(FLAGS.train_batch_size)
        optimizer = model_lib.build_optimizer(learning_rate)
        weight_decay_metric = tf.keras.metrics.Mean('train/weight_decay')
        total_loss_metric = tf.keras.metrics.Mean('train/total_loss')

    def single_step(features, labels):
        with tf.GradientTape() as tape:
            outputs = model(features, training=True)
            loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(
                tf.one_hot(labels, num_classes), outputs, from_logits=True))
            weight_decay = model_lib.add_weight_decay(model, adjust_per_optimizer=True)
            weight_decay_metric.update_state(weight_decay)
            loss += weight_decay
            total_loss_metric.update_state(loss)
            loss = loss / strategy.num_replicas_in_sync
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))

    with strategy.scope():
        @tf.function
        def train_multiple_steps(iterator):
            for _ in tf.range(FLAGS.steps_per_loop):
                images, labels = next(iterator)
                strategy.run(single_step, (images, labels))

        iterator = iter(ds)
        cur_step = optimizer.iterations.numpy()
        while cur_step < train_steps:
            train_multiple_steps(iterator)
            cur_step = optimizer.iterations.numpy()
            logging.info('Completed: %d / %d steps', cur_step, train_steps)


if __name__ == '__main__':
    tf.compat.v1.enable_v2_behavior()
    app.run(main)
