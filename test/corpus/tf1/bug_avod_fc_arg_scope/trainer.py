# Idiom seen in: kujason/avod avod/core/trainer.py
# What it reproduces: create_train_op trains on the model's total_loss only; no
#   get_regularization_loss / REGULARIZATION_LOSSES anywhere, so the VGG and fc decay is dead (real bug).
import argparse

import tensorflow as tf

import configs
import kitti_input
from avod_model import AvodModel

slim = tf.contrib.slim


def train(model, train_config, batch):
    global_step = tf.train.get_or_create_global_step()
    prediction_dict = model.build(batch['image'], batch['rois'], batch['roi_weights'],
                                  batch['rpn_outputs'])
    losses_dict, total_loss = model.loss(prediction_dict, batch['labels'])

    learning_rate = tf.train.exponential_decay(train_config['initial_learning_rate'],
                                               global_step, train_config['decay_steps'],
                                               train_config['decay_factor'], staircase=True)
    training_optimizer = tf.train.AdamOptimizer(learning_rate)

    with tf.variable_scope('train_op'):
        train_op = slim.learning.create_train_op(
            total_loss,
            training_optimizer,
            clip_gradient_norm=1.0,
            global_step=global_step)

    tf.summary.scalar('training_loss', train_op)
    for name, value in losses_dict.items():
        tf.summary.scalar(name, value)
    summary_merged = tf.summary.merge_all()

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(train_config['max_iterations']):
            loss_value, summary_out = sess.run([train_op, summary_merged])
            if step % train_config['summary_interval'] == 0:
                print('Step {}, Total Loss {:0.3f}'.format(step, loss_value))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_split', type=str, default='train')
    args = parser.parse_args()

    model_config = {'img_vgg': configs.IMG_VGG_CONFIG, 'fc_layers': configs.FC_LAYERS_CONFIG}
    batch = kitti_input.make_batch(args.data_split)
    model = AvodModel(model_config, is_training=True)
    train(model, configs.TRAIN_CONFIG, batch)


if __name__ == '__main__':
    main()
