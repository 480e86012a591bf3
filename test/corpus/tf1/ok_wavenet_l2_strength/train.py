# Idiom seen in: ibab/tensorflow-wavenet train.py
# What it reproduces: --l2_regularization_strength (default 0 turned into None) is passed to net.loss(),
#   and the optimizer from the factory minimizes exactly that loss (clean).
import argparse
import json

import tensorflow as tf

from model import WaveNetModel
from audio_reader import AudioReader

BATCH_SIZE = 1
LEARNING_RATE = 1e-3
NUM_STEPS = int(1e5)
MOMENTUM = 0.9
L2_REGULARIZATION_STRENGTH = 0


def create_adam_optimizer(learning_rate, momentum):
    return tf.train.AdamOptimizer(learning_rate=learning_rate, epsilon=1e-4)


def create_sgd_optimizer(learning_rate, momentum):
    return tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=momentum)


optimizer_factory = {'adam': create_adam_optimizer, 'sgd': create_sgd_optimizer}


def get_arguments():
    parser = argparse.ArgumentParser(description='WaveNet example network')
    parser.add_argument('--batch_size', type=int, default=BATCH_SIZE)
    parser.add_argument('--data_dir', type=str, default='./VCTK-Corpus')
    parser.add_argument('--wavenet_params', type=str, default='wavenet_params.json')
    parser.add_argument('--learning_rate', type=float, default=LEARNING_RATE)
    parser.add_argument('--num_steps', type=int, default=NUM_STEPS)
    parser.add_argument('--l2_regularization_strength', type=float,
                        default=L2_REGULARIZATION_STRENGTH,
                        help='Coefficient in the L2 regularization. Default: False')
    parser.add_argument('--optimizer', type=str, default='adam', choices=optimizer_factory.keys())
    parser.add_argument('--momentum', type=float, default=MOMENTUM)
    return parser.parse_args()


def main():
    args = get_arguments()
    with open(args.wavenet_params, 'r') as f:
        wavenet_params = json.load(f)

    coord = tf.train.Coordinator()
    reader = AudioReader(args.data_dir, coord, sample_rate=wavenet_params['sample_rate'])
    audio_batch = reader.dequeue(args.batch_size)

    net = WaveNetModel(batch_size=args.batch_size,
                       dilations=wavenet_params['dilations'],
                       filter_width=wavenet_params['filter_width'],
                       residual_channels=wavenet_params['residual_channels'],
                       dilation_channels=wavenet_params['dilation_channels'],
                       quantization_channels=wavenet_params['quantization_channels'])
    if args.l2_regularization_strength == 0:
        args.l2_regularization_strength = None
    loss = net.loss(input_batch=audio_batch,
                    l2_regularization_strength=args.l2_regularization_strength)
    optimizer = optimizer_factory[args.optimizer](learning_rate=args.learning_rate,
                                                  momentum=args.momentum)
    trainable = tf.trainable_variables()
    optim = optimizer.minimize(loss, var_list=trainable)

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    threads = tf.train.start_queue_runners(sess=sess, coord=coord)
    reader.start_threads(sess)
    try:
        for step in range(args.num_steps):
            loss_value, _ = sess.run([loss, optim])
            print('step {:d} - loss = {:.3f}'.format(step, loss_value))
    finally:
        coord.request_stop()
        coord.join(threads)


if __name__ == '__main__':
    main()
