# Idiom seen in: tensorflow/benchmarks scripts/tf_cnn_benchmarks/benchmark_cnn.py
# Idiom seen in: tensorflow/benchmarks scripts/tf_cnn_benchmarks/tf_cnn_benchmarks.py
# What it reproduces: the tower loss adds len(devices) * weight_decay * l2_loss over the filtered (non-bias,
# non-BN) params under a "weight_decay != 0" guard; the flag defaults to 4e-5 and tf.gradients uses that loss (clean).
import tensorflow as tf
from absl import app

import benchmark_cnn
from preprocessing import image_batches


def main(positional_arguments):
    del positional_arguments
    params = benchmark_cnn.FLAGS
    bench = benchmark_cnn.BenchmarkCNN(params)
    images, labels = image_batches(params.batch_size, len(bench.devices))
    train_op, loss = bench.build_graph(images, labels)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(params.num_batches):
            _, loss_value = sess.run([train_op, loss])
            if step % 10 == 0:
                tf.logging.info('%d\t%.3f', step, loss_value)


if __name__ == '__main__':
    app.run(main)
