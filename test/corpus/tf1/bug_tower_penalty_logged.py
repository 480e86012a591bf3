# Idiom seen in: smurve/experiments cifar10_estimator/cifar10_main.py
# What it reproduces: the multi-tower model_fn where each tower builds its L2 term over
#   tf.trainable_variables(); a user mistake in that idiom (the repo adds it to tower_loss): the term is
#   only logged and put in the hook's dict, tf.gradients differentiates the bare cross entropy (WD104).
import argparse
import itertools

import six
import tensorflow as tf

import cifar10
import cifar10_model


def _tower_fn(is_training, weight_decay, feature, label, num_layers):
    model = cifar10_model.ResNetCifar10(num_layers, is_training=is_training,
                                        batch_norm_decay=0.997, batch_norm_epsilon=1e-5)
    logits = model.forward_pass(feature)
    tower_loss = tf.reduce_mean(tf.losses.sparse_softmax_cross_entropy(logits=logits, labels=label))
    model_params = tf.trainable_variables()
    l2_term = weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in model_params])  # expect: WD104
    tf.summary.scalar('l2_term', l2_term)
    tower_grad = tf.gradients(tower_loss, model_params)
    return tower_loss, l2_term, zip(tower_grad, model_params)


def get_model_fn(num_gpus):
    def _model_fn(features, labels, mode, params):
        is_training = mode == tf.estimator.ModeKeys.TRAIN
        tower_losses, tower_l2, tower_gradvars = [], [], []
        for i in range(max(num_gpus, 1)):
            with tf.variable_scope('resnet', reuse=bool(i != 0)):
                loss, l2_term, gradvars = _tower_fn(is_training, params.weight_decay,
                                                    features[i], labels[i], params.num_layers)
                tower_losses.append(loss)
                tower_l2.append(l2_term)
                tower_gradvars.append(gradvars)
        all_grads = {}
        for grad, var in itertools.chain(*tower_gradvars):
            if grad is not None:
                all_grads.setdefault(var, []).append(grad)
        gradvars = [(tf.add_n(g) / len(g), v) for v, g in six.iteritems(all_grads)]
        loss = tf.reduce_mean(tower_losses, name='loss')
        hook = tf.train.LoggingTensorHook({'loss': loss, 'l2': tf.reduce_mean(tower_l2)}, every_n_iter=100)
        optimizer = tf.train.MomentumOptimizer(learning_rate=params.learning_rate, momentum=0.9)
        train_op = optimizer.apply_gradients(gradvars, global_step=tf.train.get_global_step())
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op, training_hooks=[hook])
    return _model_fn


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data-dir', dest='data_dir', required=True)
    parser.add_argument('--num-gpus', dest='num_gpus', type=int, default=1)
    parser.add_argument('--weight-decay', dest='weight_decay', type=float, default=2e-4)
    args = parser.parse_args()
    hparams = tf.contrib.training.HParams(weight_decay=args.weight_decay, learning_rate=0.1, num_layers=44)
    est = tf.estimator.Estimator(model_fn=get_model_fn(args.num_gpus), model_dir='/tmp/resnet', params=hparams)
    est.train(input_fn=lambda: cifar10.input_fn(args.data_dir, 'train', args.num_gpus, 128), max_steps=64000)
