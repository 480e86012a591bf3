# Idiom seen in: suyash/ae trainer/task.py
# Idiom seen in: suyash/ae trainer/model.py
# What it reproduces: argparse entry point building tf.estimator.Estimator(model_fn, params={..."weight_decay"...})
#   and running train_and_evaluate; the regularized loss is assembled inside model_fn. Clean.
import argparse

import tensorflow as tf
from tensorflow.keras.datasets import mnist

from model import model_fn


def run(max_steps, batch_size, layers, learning_rate, weight_decay, job_dir):
    config = tf.estimator.RunConfig(model_dir=job_dir, save_checkpoints_steps=500)

    estimator = tf.estimator.Estimator(
        model_fn,
        config=config,
        params={
            "layers": layers,
            "weight_decay": weight_decay,
            "learning_rate": learning_rate,
        })

    (train_data, _), (eval_data, _) = mnist.load_data()

    train_input_fn = tf.estimator.inputs.numpy_input_fn(
        train_data, num_epochs=None, shuffle=True, batch_size=batch_size)
    eval_input_fn = tf.estimator.inputs.numpy_input_fn(
        eval_data, num_epochs=1, shuffle=False)

    train_spec = tf.estimator.TrainSpec(train_input_fn, max_steps=max_steps)
    serving_input_receiver_fn = tf.estimator.export.build_raw_serving_input_receiver_fn({
        "image": tf.placeholder(tf.uint8, [None, 28, 28]),
    })
    exporter = tf.estimator.LatestExporter("model", serving_input_receiver_fn)
    eval_spec = tf.estimator.EvalSpec(eval_input_fn, throttle_secs=30, exporters=[exporter])

    tf.estimator.train_and_evaluate(estimator, train_spec, eval_spec)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch-size', default=150, type=int)
    parser.add_argument('--max-steps', default=5000, type=int)
    parser.add_argument('--layers', nargs="+", default=[512, 128, 32], type=int)
    parser.add_argument('--learning-rate', default=0.001, type=float)
    parser.add_argument('--weight-decay', default=0.0001, type=float)
    parser.add_argument('--job-dir', default="models/ae", type=str)
    args = parser.parse_args()

    tf.logging.set_verbosity(tf.logging.INFO)
    run(args.max_steps, args.batch_size, args.layers, args.learning_rate,
        args.weight_decay, args.job_dir)


if __name__ == '__main__':
    main()
