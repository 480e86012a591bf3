# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level op_util.py
# What it reproduces: the repository's Optimizer() factory returning a tf.function train_step whose
#   GradientTape loss is cross entropy + tf.add_n(model.losses). Clean.
import tensorflow as tf


def Optimizer(model, LR):
    with tf.name_scope('Optimizer'):
        loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        optimizer = tf.keras.optimizers.SGD(LR, .9, nesterov=True)
        train_loss = tf.keras.metrics.Mean(name='train_loss')
        train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')

        @tf.function
        def train_step(images, labels):
            with tf.GradientTape() as tape:
                predictions = model(images, training=True)
                loss = loss_object(labels, predictions)
                regularizer_loss = tf.add_n(model.losses)
                total_loss = loss + regularizer_loss
            gradients = tape.gradient(total_loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            train_loss(loss)
            train_accuracy(labels, predictions)

        return train_step, train_loss, train_accuracy
