# Idiom seen in: tcoatale/cnn_framework train.py
# What it reproduces: the trainer computes the bare cross entropy (named total_loss) and hands it to
#   UpdateManager.update(); the step through training_loss() that adds the decay terms is skipped.
import time

import tensorflow as tf

import model
from input_manager import InputManager  # input pipeline, not part of this program
from update_manager import UpdateManager

flags = tf.app.flags
flags.DEFINE_string('data_dir', '/tmp/driver', 'Dataset directory.')
flags.DEFINE_string('log_dir', '/tmp/driver_train', 'Checkpoints and summaries.')
flags.DEFINE_integer('batch_size', 128, 'Batch size.')
flags.DEFINE_integer('classes', 10, 'Number of classes.')
flags.DEFINE_integer('train_size', 20000, 'Training examples.')
flags.DEFINE_integer('max_steps', 100000, 'Steps.')
flags.DEFINE_float('initial_learning_rate', 0.1, 'Initial learning rate.')
flags.DEFINE_float('lr_decay_factor', 0.1, 'Learning rate decay factor.')
flags.DEFINE_float('num_epochs_per_decay', 350.0, 'Epochs between decays.')
flags.DEFINE_float('weight_decay', 0.004, 'Decay of the fully connected layer.')
FLAGS = flags.FLAGS


def train(config):
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    input_manager = InputManager(config)
    update_manager = UpdateManager(config)

    images, labels = input_manager.distorted_inputs()
    with tf.variable_scope('inference'):
      logits = model.inference(images, config.classes, wd=config.weight_decay)

    total_loss = model.cross_entropy_loss(logits, labels)
    train_op = update_manager.update(total_loss, global_step)

    with tf.train.MonitoredTrainingSession(checkpoint_dir=config.log_dir) as sess:
      for step in range(config.max_steps):
        start = time.time()
        _, loss_value = sess.run([train_op, total_loss])
        if step % 100 == 0:
          print('step %d loss %.3f (%.3f sec)' % (step, loss_value, time.time() - start))


def main(argv=None):
  train(FLAGS)


if __name__ == '__main__':
  tf.app.run()
