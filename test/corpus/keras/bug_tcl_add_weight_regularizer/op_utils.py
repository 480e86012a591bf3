# Idiom seen in: sseung0703/TF2-jit-compile-on-multi-gpu op_utils.py
# What it reproduces: Optimizer(args, model, strategy) returning a strategy.run-wrapped step; the jit-compiled
#   compiled_step differentiates loss_object(labels, pred)/batch_size only (the repo's "g + v*weight_decay" update
#   was removed when the decay moved into tcl's add_weight regularizers, so nothing decays now).
import tensorflow as tf


def Optimizer(args, model, strategy):
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(
        from_logits=True, reduction=tf.keras.losses.Reduction.SUM)
    optimizer = tf.keras.optimizers.SGD(args.learning_rate, .9, nesterov=True)

    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')

    @tf.function(jit_compile=args.compile)
    def compiled_step(images, labels):
        with tf.GradientTape() as tape:
            pred = model(images, training=True)
            total_loss = loss_object(labels, pred) / args.batch_size
        gradients = tape.gradient(total_loss, model.trainable_variables)
        return total_loss, pred, gradients

    def train_step(images, labels):
        total_loss, pred, gradients = compiled_step(images, labels)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss.update_state(total_loss)
        train_accuracy.update_state(labels, pred)

    @tf.function()
    def train_step_dist(image, labels):
        strategy.run(train_step, args=(image, labels))

    return train_step_dist, train_loss, train_accuracy, optimizer
