# Idiom seen in: sseung0703/Autoslim_TF2 op_util.py
# Idiom seen in: sseung0703/GALA_TF2.0 op_util.py
# What it reproduces: Optimizer(model, weight_decay, LR) returning a jit-compiled training step whose L2
#   penalty over model.trainable_variables is guarded by `if weight_decay > 0.`. The only call (train.py)
#   passes config.WEIGHT_DECAY = 0., so the decay code never runs (WD303 on the guard).
import tensorflow as tf


def Optimizer(model, weight_decay, LR):
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(LR, .9, nesterov=True)
    train_loss = tf.keras.metrics.Mean(name='train_loss')
    train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy(name='train_accuracy')

    @tf.function(jit_compile=True)
    def training(images, labels):
        with tf.GradientTape() as tape:
            predictions = model(images, training=True)
            total_loss = loss_object(labels, predictions)
            if weight_decay > 0.:  # expect: WD303
                total_loss += tf.add_n([tf.nn.l2_loss(v) for v in model.trainable_variables]) * weight_decay
        gradients = tape.gradient(total_loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss.update_state(total_loss)
        train_accuracy.update_state(labels, predictions)

    return training, train_loss, train_accuracy
