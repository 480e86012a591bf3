# Idiom seen in: few-shot-learning/Keras-FewShotLearning notebooks/siamese_nets_training.py
# What it reproduces: siamese nets (shared KochNet + L1 distance head); the notebook compiles and fits, here the
# user moved to a tf.function GradientTape step (to log pair accuracy) with binary cross entropy only, leaving
# model.losses out (WD103 on the conv_2d factory keyword in koch_net.py).
import tensorflow as tf
from tensorflow.keras import Input, Model
from tensorflow.keras.layers import Dense, Lambda

from koch_net import KochNet
from keras_fsl.dataframe.operators import RandomBalancedPairs
from omniglot_input import pair_dataset

INPUT_SHAPE = (105, 105, 3)

encoder = KochNet(INPUT_SHAPE)
left, right = Input(INPUT_SHAPE), Input(INPUT_SHAPE)
distance = Lambda(lambda t: tf.abs(t[0] - t[1]))([encoder(left), encoder(right)])
score = Dense(1, activation='sigmoid')(distance)
siamese_nets = Model([left, right], score)

optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)
bce = tf.keras.losses.BinaryCrossentropy()
pair_acc = tf.keras.metrics.BinaryAccuracy()


@tf.function
def train_step(pairs, target):
    with tf.GradientTape() as tape:
        pred = siamese_nets(pairs, training=True)
        loss = bce(target, pred)
    grads = tape.gradient(loss, siamese_nets.trainable_variables)
    optimizer.apply_gradients(zip(grads, siamese_nets.trainable_variables))
    pair_acc.update_state(target, pred)
    return loss


if __name__ == '__main__':
    train_ds = pair_dataset('train', RandomBalancedPairs(), batch_size=32)
    for epoch in range(20):
        for (img_a, img_b), target in train_ds:
            loss = train_step([img_a, img_b], target)
        print(epoch, float(loss), float(pair_acc.result()))
        pair_acc.reset_states()
