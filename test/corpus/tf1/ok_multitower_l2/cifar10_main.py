# Idiom seen in: smurve/experiments cifar10_estimator/cifar10_main.py
# What it reproduces: the multi-tower Estimator model_fn: each tower adds
#   weight_decay * add_n(l2_loss(v) for v in trainable_variables) to its loss and differentiates that
#   sum with tf.gradients; the averaged gradients go to a MomentumOptimizer. Clean.
import argparse
import itertools

import six
import tensorflow as tf

import cifar10
import cifar10_model


def get_model_fn(num_gpus):
    def _multi_tower_model_fn(features, labels, mode, params):
        is_training = mode == tf.estimator.ModeKeys.TRAIN
        weight_decay = params.weight_decay
        tower_losses, tower_gradvars = [], []
        for i in range(max(num_gpus, 1)):
            with tf.variable_scope('resnet', reuse=bool(i != 0)):
                with tf.name_scope('tower_%d' % i):
                    loss, gradvars = _tower_fn(is_training, weight_decay, features[i], labels[i], params)
                    tower_losses.append(loss)
                    tower_gradvars.append(gradvars)
        gradvars = []
        all_grads = {}
        for grad, var in itertools.chain(*tower_gradvars):
            if grad is not None:
                all_grads.setdefault(var, []).append(grad)
        for var, grads in six.iteritems(all_grads):
            avg = grads[0] if len(grads) == 1 else tf.multiply(tf.add_n(grads), 1. / len(grads))
            gradvars.append((avg, var))
        loss = tf.reduce_mean(tower_losses, name='loss')
        optimizer = tf.train.MomentumOptimizer(learning_rate=params.learning_rate, momentum=params.momentum)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        train_op = tf.group(optimizer.apply_gradients(gradvars, global_step=tf.train.get_global_step()),
                            *update_ops)
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)
    return _multi_tower_model_fn


def _tower_fn(is_training, weight_decay, feature, label, params):
    model = cifar10_model.ResNetCifar10(params.num_layers, is_training=is_training,
                                        batch_norm_decay=params.batch_norm_decay,
                                        batch_norm_epsilon=params.batch_norm_epsilon)
    logits = model.forward_pass(feature)
    tower_loss = tf.losses.sparse_softmax_cross_entropy(logits=logits, labels=label)
    tower_loss = tf.reduce_mean(tower_loss)
    model_params = tf.trainable_variables()
    tower_loss += weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in model_params])
    tower_grad = tf.gradients(tower_loss, model_params)
    return tower_loss, zip(tower_grad, model_params)


def main(args):
    hparams = tf.contrib.training.HParams(weight_decay=args.weight_decay, learning_rate=args.learning_rate,
                                          momentum=0.9, num_layers=44, batch_norm_decay=0.997,
                                          batch_norm_epsilon=1e-5)
    classifier = tf.estimator.Estimator(model_fn=get_model_fn(args.num_gpus), model_dir=args.job_dir,
                                        params=hparams)
    classifier.train(input_fn=lambda: cifar10.input_fn(args.data_dir, 'train', args.num_gpus, 128),
                     max_steps=args.train_steps)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data-dir', dest='data_dir', required=True)
    parser.add_argument('--job-dir', dest='job_dir', required=True)
    parser.add_argument('--num-gpus', dest='num_gpus', type=int, default=1)
    parser.add_argument('--train-steps', dest='train_steps', type=int, default=80000)
    parser.add_argument('--weight-decay', dest='weight_decay', type=float, default=2e-4)
    parser.add_argument('--learning-rate', dest='learning_rate', type=float, default=0.1)
    main(parser.parse_args())
