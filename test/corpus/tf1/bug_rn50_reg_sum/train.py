# Idiom seen in: NVIDIA/DeepLearningExamples TensorFlow/Classification/ConvNets/model/resnet.py
# What it reproduces: tf.app.run entry point feeding params (weight decay, loss scale) to the
#   Estimator; data comes from an input module the workspace does not hold.
import tensorflow as tf

from model_fn import model_fn
from input_pipeline import imagenet_input_fn

flags = tf.app.flags
flags.DEFINE_string('data_dir', None, 'ImageNet TFRecords')
flags.DEFINE_string('model_dir', '/tmp/rn50', 'checkpoints')
flags.DEFINE_float('weight_decay', 1e-4, 'L2 scale')
flags.DEFINE_float('loss_scale', 128.0, 'static loss scale')
FLAGS = flags.FLAGS


def main(_):
    params = {'weight_decay': FLAGS.weight_decay, 'loss_scale': FLAGS.loss_scale,
              'n_classes': 1001, 'lr': 0.1}
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
    estimator.train(input_fn=lambda: imagenet_input_fn(FLAGS.data_dir, 256, True), max_steps=450000)


if __name__ == '__main__':
    tf.app.run()
