# Idiom seen in: NVIDIA/DeepLearningExamples TensorFlow/Classification/ConvNets/model/resnet.py
# What it reproduces: absl entry point building the Runner from flags; weight decay from a flag
#   reaches params["weight_decay"] and the minimized total_loss. Clean.
from absl import app, flags

from runtime.runner import Runner

FLAGS = flags.FLAGS
flags.DEFINE_string('data_dir', None, 'TFRecord directory')
flags.DEFINE_string('model_dir', '/results', 'checkpoint directory')
flags.DEFINE_integer('batch_size', 256, 'batch size')
flags.DEFINE_integer('max_steps', 90000, 'training steps')
flags.DEFINE_float('weight_decay', 3.0517578125e-05, 'L2 weight decay')


def main(_):
    runner = Runner(FLAGS.model_dir, weight_decay=FLAGS.weight_decay)
    runner.train(FLAGS.data_dir, FLAGS.batch_size, FLAGS.max_steps)
    print(runner.evaluate(FLAGS.data_dir, FLAGS.batch_size))


if __name__ == '__main__':
    app.run(main)
