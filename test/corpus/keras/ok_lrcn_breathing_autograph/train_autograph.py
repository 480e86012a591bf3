# Idiom seen in: tbe07tyg/Tensorflow2 BreathingRecognition/CoreMyCodes/RealTrainAutoGraph.py
# Idiom seen in: tbe07tyg/Tensorflow2 BreathingRecognition/models.py
# What it reproduces: the tf.function GradientTape train_step for the regularized LRCN regressor; the loss that
# is differentiated is the mean MSE plus tf.add_n(model.losses), so the conv L2 terms are minimized (clean).
import numpy as np
import tensorflow as tf

from CustomGenerator import GetBatchGenerator
from models import ResearchModels

SEQ_LENGTH = 40
EPOCHS = 100
BATCH_SIZE = 8

train_avg_loss = tf.keras.metrics.Mean(name='train_avg_loss')


@tf.function
def train_step(input_feature, labels, model, optimizer):
    with tf.GradientTape() as tape:
        predictions = model(input_feature, training=True)
        mse = tf.reduce_mean(tf.keras.losses.mean_squared_error(labels, predictions))
        loss = mse + tf.add_n(model.losses)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_avg_loss(mse)


def main():
    model = ResearchModels(seq_length=SEQ_LENGTH).lrcn()
    optimizer = tf.keras.optimizers.Adam(learning_rate=1e-5)
    generator = GetBatchGenerator('data/data_file.csv', BATCH_SIZE, SEQ_LENGTH, 'train')
    for epoch in range(EPOCHS):
        for batch_x, batch_y in generator:
            train_step(batch_x.astype(np.float32), batch_y.astype(np.float32), model, optimizer)
        print(epoch, float(train_avg_loss.result()))
        train_avg_loss.reset_states()


if __name__ == '__main__':
    main()
