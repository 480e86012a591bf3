# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level op_util.py
# What it reproduces: the repository's train_step (regularizer_loss = tf.add_n(model.losses); total_loss =
#   loss + regularizer_loss). User mistake while adding logging of the total: tape.gradient is given `loss`,
#   so the summed regularization is only logged (WD105 on the sum).
import tensorflow as tf


def Optimizer(model, LR):
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(LR, .9, nesterov=True)
    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_total = tf.keras.metrics.Mean(name='train_total_loss')

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            predictions = model(images, training=True)
            loss = loss_object(labels, predictions)
            regularizer_loss = tf.add_n(model.losses)  # expect: WD105
            total_loss = loss + regularizer_loss
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss(loss)
        train_total(total_loss)

    return train_step, train_loss, train_total
