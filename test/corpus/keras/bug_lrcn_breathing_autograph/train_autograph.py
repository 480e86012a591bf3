# Idiom seen in: tbe07tyg/Tensorflow2 BreathingRecognition/CoreMyCodes/RealTrainAutoGraph.py
# Idiom seen in: tbe07tyg/Tensorflow2 BreathingRecognition/models.py
# What it reproduces: "use tf.GradientTape to train model": a tf.function train_step(input_feature, labels,
# model, optimizer) regressing breaths per minute with MSE only, applied to the regularized LRCN of models.py;
# model.losses is never added (user mistake: this loop is the repository's, the LRCN was trained there with fit).
import numpy as np
import tensorflow as tf

from CustomGenerator import GetBatchGenerator
from models import ResearchModels

SEQ_LENGTH = 40
EPOCHS = 100
BATCH_SIZE = 8

train_avg_loss = tf.keras.metrics.Mean(name='train_avg_loss')
train_avg_metric = tf.keras.metrics.Mean(name='train_avg_mae')


@tf.function
def train_step(input_feature, labels, model, optimizer):
    with tf.GradientTape() as tape:
        predictions = model(input_feature, training=True)
        loss = tf.keras.losses.mean_squared_error(labels, predictions)
        mae = tf.keras.losses.mae(labels, predictions)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_avg_loss(loss)
    train_avg_metric(mae)


def train_and_checkpoint(model, optimizer, generator, epochs):
    ckpt = tf.train.Checkpoint(step=tf.Variable(1), optimizer=optimizer, net=model)
    manager = tf.train.CheckpointManager(ckpt, './tf_ckpts', max_to_keep=3)
    for epoch in range(epochs):
        for batch_x, batch_y in generator:
            train_step(batch_x.astype(np.float32), batch_y.astype(np.float32), model, optimizer)
            ckpt.step.assign_add(1)
        print(epoch, float(train_avg_loss.result()), float(train_avg_metric.result()))
        train_avg_loss.reset_states()
        train_avg_metric.reset_states()
        manager.save()


if __name__ == '__main__':
    model = ResearchModels(seq_length=SEQ_LENGTH).lrcn()
    optimizer = tf.keras.optimizers.Adam(learning_rate=1e-5)
    generator = GetBatchGenerator('data/data_file.csv', BATCH_SIZE, SEQ_LENGTH, 'train')
    train_and_checkpoint(model, optimizer, generator, EPOCHS)
