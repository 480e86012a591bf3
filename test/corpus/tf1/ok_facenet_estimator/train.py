# Idiom seen in: liumusicforever/tf_models_develop_framework networks/classification/facenet_resnet50/graph.py
# Idiom seen in: liumusicforever/tf_models_develop_framework networks/classification/facenet_resnet50/params.py
# What it reproduces: face-recognition Estimator model_fn (slim resnet_v2 backbone, Logits with weights_regularizer,
#   prelogits-norm and center-loss terms pushed into REGULARIZATION_LOSSES); total_loss = add_n([xent] + that collection)
#   is what the Momentum optimizer minimizes (clean).
import tensorflow as tf

import params as config
from graph import model_fn
from data import input_fn

flags = tf.app.flags
flags.DEFINE_string('model_dir', 'experiments/facenet_resnet50', 'checkpoint directory')
flags.DEFINE_string('dataset_dir', '/data/market1501/tfrecords', 'tfrecord directory')
FLAGS = flags.FLAGS


def main(_):
    run_config = tf.estimator.RunConfig(save_summary_steps=config.save_summary_steps)
    classifier = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir,
                                        config=run_config, params={})
    for _ in range(config.num_epochs):
        classifier.train(input_fn=lambda: input_fn(FLAGS.dataset_dir, 'train', config.batch_size))
        print(classifier.evaluate(input_fn=lambda: input_fn(FLAGS.dataset_dir, 'val', config.batch_size)))


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run()
