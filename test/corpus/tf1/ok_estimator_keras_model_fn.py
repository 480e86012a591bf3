# Idiom seen in: Finfra/DeepLearningServing 2.AITensorflowTraining/5.EstimatorBasedMultiWorkerTraining/mnist.py
# What it reproduces: an Estimator model_fn that builds a tf.keras Sequential inside the graph, gives its
#   conv/dense kernels l2 regularizers, and adds tf.add_n(model.losses) to the loss that the
#   GradientDescentOptimizer minimizes; flags via absl, multi-worker strategy in a RunConfig.
# label-note: clean: the Keras regularization losses are retrieved through model.losses (not the
#   TF1 collection) and reach the minimized loss; plain SGD without any decay argument.
import tensorflow as tf
from absl import app, flags

from mnist_input import input_fn

FLAGS = flags.FLAGS
flags.DEFINE_float('learning_rate', 1e-4, 'SGD learning rate')
flags.DEFINE_float('l2', 5e-4, 'l2 factor on kernels')
flags.DEFINE_integer('batch_size', 64, 'global batch size')
flags.DEFINE_string('model_dir', '/tmp/multiworker', 'checkpoint dir')


def model_fn(features, labels, mode, params):
    reg = tf.keras.regularizers.l2(params['l2'])
    model = tf.keras.Sequential([
        tf.keras.layers.Conv2D(32, 3, activation='relu', kernel_regularizer=reg, input_shape=(28, 28, 1)),
        tf.keras.layers.MaxPooling2D(),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(64, activation='relu', kernel_regularizer=reg),
        tf.keras.layers.Dense(10),
    ])
    logits = model(features, training=(mode == tf.estimator.ModeKeys.TRAIN))

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'logits': logits})

    xent = tf.keras.losses.SparseCategoricalCrossentropy(
        from_logits=True, reduction=tf.keras.losses.Reduction.NONE)(labels, logits)
    loss = tf.reduce_sum(xent) * (1. / params['batch_size'])
    loss = loss + tf.add_n(model.losses)
    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss)

    optimizer = tf.compat.v1.train.GradientDescentOptimizer(learning_rate=params['learning_rate'])
    train_op = optimizer.minimize(loss, tf.compat.v1.train.get_or_create_global_step())
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)


def main(_):
    strategy = tf.distribute.experimental.MultiWorkerMirroredStrategy()
    config = tf.estimator.RunConfig(train_distribute=strategy)
    params = {'l2': FLAGS.l2, 'learning_rate': FLAGS.learning_rate, 'batch_size': FLAGS.batch_size}
    classifier = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir,
                                        config=config, params=params)
    tf.estimator.train_and_evaluate(
        classifier,
        train_spec=tf.estimator.TrainSpec(input_fn=lambda: input_fn('train', FLAGS.batch_size)),
        eval_spec=tf.estimator.EvalSpec(input_fn=lambda: input_fn('test', FLAGS.batch_size)))


if __name__ == '__main__':
    app.run(main)
