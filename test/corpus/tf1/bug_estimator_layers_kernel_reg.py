# Idiom seen in: joe-antognini/tf-estimator-example trainer.py
# What it reproduces: an Estimator model_fn built by build_model_fn(hparams); the user passes an
# l2_regularizer into every tf.layers call, but the loss given to MomentumOptimizer.minimize is the bare
# cross entropy, so REGULARIZATION_LOSSES is never read (user's mistake in this repo's idiom): WD102 x4.
import argparse
import tensorflow as tf

from input_pipeline import build_input_fn

N_LABELS = 10


def model_body(features, regularizer):
    net = tf.identity(features)
    net = tf.layers.conv2d(net, filters=32, kernel_size=5, activation=tf.nn.relu, kernel_regularizer=regularizer)  # expect: WD102
    net = tf.layers.max_pooling2d(net, pool_size=2, strides=2)
    net = tf.layers.conv2d(net, filters=64, kernel_size=5, activation=tf.nn.relu, kernel_regularizer=regularizer)  # expect: WD102
    net = tf.layers.max_pooling2d(net, pool_size=2, strides=2)
    net = tf.contrib.layers.flatten(net)
    net = tf.layers.dense(net, 1024, activation=tf.nn.relu, kernel_regularizer=regularizer)  # expect: WD102
    return net


def build_model_fn(hparams):
    def model_fn(features, labels, mode, params=None):
        regularizer = tf.contrib.layers.l2_regularizer(hparams.weight_decay)
        net = model_body(features, regularizer)
        logits = tf.layers.dense(net, units=N_LABELS, kernel_regularizer=regularizer)  # expect: WD102
        xentropies = tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels)
        loss = tf.reduce_mean(xentropies)

        learning_rate = tf.train.exponential_decay(hparams.learning_rate, tf.train.get_global_step(),
                                                   hparams.decay_steps, hparams.decay_rate)
        optimizer = tf.train.MomentumOptimizer(learning_rate, hparams.momentum)
        train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step())

        accuracy = tf.metrics.accuracy(tf.argmax(labels, axis=1), tf.argmax(logits, axis=1))
        return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op,
                                          eval_metric_ops={'accuracy': accuracy})
    return model_fn


def main(args):
    hparams = tf.contrib.training.HParams(learning_rate=args.learning_rate, momentum=args.momentum,
                                          weight_decay=args.weight_decay, decay_steps=10000,
                                          decay_rate=0.5, batch_size=args.batch_size)
    run_config = tf.estimator.RunConfig(model_dir=args.model_dir)
    nn = tf.estimator.Estimator(model_fn=build_model_fn(hparams), config=run_config)
    nn.train(input_fn=build_input_fn([args.train_file_pattern], hparams, is_training=True),
             steps=args.train_steps)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Run an MNIST model.')
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--learning_rate', type=float, default=0.1)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--train_file_pattern')
    parser.add_argument('--model_dir')
    parser.add_argument('--train_steps', type=int, default=100000)
    main(parser.parse_args())
