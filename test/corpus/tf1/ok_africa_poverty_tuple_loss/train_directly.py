# Idiom seen in: sustainlab-group/africa_poverty train_directly.py
# Idiom seen in: sustainlab-group/africa_poverty models/resnet_model.py
# What it reproduces: absl-style flags (fc_reg, conv_reg, lr) handed to the ResNet and the regression
#   trainer; satellite batches come from a batcher module the workspace does not hold.
import tensorflow as tf

import loss_utils
import resnet_ops
from trainer import RegressionTrainer
from batchers import batcher

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_float('fc_reg', 1e-3, 'Regularization penalty factor for fully connected layers')
flags.DEFINE_float('conv_reg', 1e-3, 'Regularization penalty factor for convolution layers')
flags.DEFINE_float('lr', 1e-3, 'Learning rate for optimizer')
flags.DEFINE_integer('num_epochs', 150, 'Number of training epochs')
flags.DEFINE_integer('batch_size', 64, 'Batch size')
flags.DEFINE_string('dataset', 'DHS_OOC_A', 'dataset name')


def main(_):
    train_batch = batcher.Batcher(FLAGS.dataset, 'train', batch_size=FLAGS.batch_size).get_batch()
    with tf.variable_scope('model'):
        preds, _ = resnet_ops.inference(train_batch['images'], is_training=True, num_outputs=1,
                                        conv_reg=FLAGS.conv_reg, fc_reg=FLAGS.fc_reg)
    preds = tf.squeeze(preds, axis=1)
    with tf.Session() as sess:
        trainer = RegressionTrainer(train_batch, preds, loss_utils.loss_mse, FLAGS.lr, sess)
        sess.run(tf.global_variables_initializer())
        for epoch in range(FLAGS.num_epochs):
            trainer.train_epoch(num_steps=200)


if __name__ == '__main__':
    tf.app.run()
