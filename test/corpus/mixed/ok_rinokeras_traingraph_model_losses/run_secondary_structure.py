# Idiom seen in: CannyLab/rinokeras rinokeras/core/v1x/train/Experiment.py
# What it reproduces: an experiment script in the rinokeras style: a Keras protein secondary-structure model
#   with L2 kernel regularizers, a loss_function returning (loss, metrics), a tf.train.AdamOptimizer and a
#   TFRecord pipeline from a data module the folder does not hold.
import tensorflow as tf

from tape_data import secondary_structure_dataset  # TFRecord parser, not in this folder
from train_graph import TrainGraph

L2 = 1e-4


def make_model(vocab_size=25, d_model=256, n_classes=8):
    reg = tf.keras.regularizers.l2(L2)
    seq = tf.keras.layers.Input(shape=(None,), dtype=tf.int32)
    x = tf.keras.layers.Embedding(vocab_size, d_model)(seq)
    for dilation in (1, 2, 4, 8):
        x = tf.keras.layers.Conv1D(d_model, 5, padding='same', dilation_rate=dilation, activation='relu',
                                   kernel_regularizer=reg)(x)
    logits = tf.keras.layers.Dense(n_classes, kernel_regularizer=reg)(x)
    return tf.keras.Model(seq, logits)


def loss_function(inputs, outputs):
    mask = tf.cast(inputs['protein_length_mask'], tf.float32)
    xent = tf.losses.sparse_softmax_cross_entropy(inputs['ss8'], outputs, weights=mask)
    acc = tf.reduce_sum(tf.cast(tf.equal(tf.argmax(outputs, -1, output_type=tf.int32), inputs['ss8']),
                                tf.float32) * mask) / tf.reduce_sum(mask)
    return xent, {'accuracy': acc}


if __name__ == '__main__':
    dataset = secondary_structure_dataset('data/secondary_structure_train.tfrecord', batch_size=32)
    inputs = dataset.make_one_shot_iterator().get_next()
    model = make_model()
    graph = TrainGraph(model, lambda batch: model(batch['primary']), tf.train.AdamOptimizer(1e-3),
                       loss_function, inputs)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(20000):
            loss, metrics = graph.run(sess)
            if step % 500 == 0:
                print(step, loss, metrics)
