# Idiom seen in: piotrmilos/tensorpack examples/OpenAIGym/pong_models.py
# Idiom seen in: piotrmilos/tensorpack tensorpack/tfutils/summary.py
# What it reproduces: tensorpack ModelDesc whose build_graph computes the usual
# wd_cost = tf.multiply(wd, regularize_cost('fc.*/W', tf.nn.l2_loss)) and passes it to add_moving_summary,
# but returns only the policy cross entropy as the cost the trainer minimizes (user's mistake): WD104.
import argparse
import tensorflow as tf

from tensorpack import ModelDesc, TrainConfig, SimpleTrainer, launch_train_with_config
from tensorpack.models import Conv2D, FullyConnected, MaxPooling, regularize_cost
from tensorpack.tfutils.summary import add_moving_summary
from tensorpack.tfutils.argscope import argscope

from game_processors import get_dataflow

IMAGE_SIZE = (84, 84)
FRAME_HISTORY = 4
NUM_ACTIONS = 6
WEIGHT_DECAY = 1e-5


class Model(ModelDesc):
    def inputs(self):
        return [tf.placeholder(tf.uint8, (None,) + IMAGE_SIZE + (FRAME_HISTORY,), 'state'),
                tf.placeholder(tf.int64, (None,), 'action')]

    def build_graph(self, state, action):
        image = tf.cast(state, tf.float32) / 255.0
        with argscope(Conv2D, activation=tf.nn.relu):
            l = Conv2D('conv0', image, 32, 5)
            l = MaxPooling('pool0', l, 2)
            l = Conv2D('conv1', l, 64, 5)
            l = MaxPooling('pool1', l, 2)
            l = Conv2D('conv2', l, 64, 3)
        l = FullyConnected('fc0', l, 512, activation=tf.nn.relu)
        logits = FullyConnected('fc-pi', l, NUM_ACTIONS)

        cost = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=action),
            name='policy_cost')
        wd_cost = tf.multiply(WEIGHT_DECAY, regularize_cost('fc.*/W', tf.nn.l2_loss), name='regularize_loss')  # expect: WD104
        add_moving_summary(cost, wd_cost)
        return cost

    def optimizer(self):
        lr = tf.get_variable('learning_rate', initializer=1e-3, trainable=False)
        return tf.train.AdamOptimizer(lr, epsilon=1e-3)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--env', default='Pong-v0')
    parser.add_argument('--steps', type=int, default=1000)
    args = parser.parse_args()
    config = TrainConfig(model=Model(), dataflow=get_dataflow(args.env),
                         steps_per_epoch=args.steps, max_epoch=100)
    launch_train_with_config(config, SimpleTrainer())
