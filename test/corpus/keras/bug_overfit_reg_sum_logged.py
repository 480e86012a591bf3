# Idiom seen in: chenxu0602/TensorFlow2.0 tf_overfit_underfit.py
# What it reproduces: the Higgs l2_model from the overfit/underfit tutorial, moved to a tf.function step;
#   `regularization_loss = tf.add_n(l2_model.losses)` is summed and logged, but the tape differentiates the
#   bare cross entropy (bug written by us in the repo's idiom).
import tensorflow as tf

from higgs import FEATURES, packed_ds, STEPS_PER_EPOCH

l2_model = tf.keras.Sequential([
    tf.keras.layers.Dense(512, activation="elu", kernel_regularizer=tf.keras.regularizers.l2(0.001), input_shape=(FEATURES,)),
    tf.keras.layers.Dense(512, activation="elu", kernel_regularizer=tf.keras.regularizers.l2(0.001)),
    tf.keras.layers.Dense(512, activation="elu", kernel_regularizer=tf.keras.regularizers.l2(0.001)),
    tf.keras.layers.Dense(512, activation="elu", kernel_regularizer=tf.keras.regularizers.l2(0.001)),
    tf.keras.layers.Dense(1),
])

lr_schedule = tf.keras.optimizers.schedules.InverseTimeDecay(
    0.001, decay_steps=STEPS_PER_EPOCH * 1000, decay_rate=1, staircase=False)
optimizer = tf.keras.optimizers.Adam(lr_schedule)
loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=True)
train_xent = tf.keras.metrics.Mean(name="binary_crossentropy")
train_total = tf.keras.metrics.Mean(name="total_loss")


@tf.function
def train_step(features, labels):
    with tf.GradientTape() as tape:
        logits = l2_model(features, training=True)
        loss = loss_fn(labels, logits)
        regularization_loss = tf.add_n(l2_model.losses)  # expect: WD105
        total_loss = loss + regularization_loss
    grads = tape.gradient(loss, l2_model.trainable_variables)
    optimizer.apply_gradients(zip(grads, l2_model.trainable_variables))
    train_xent(loss)
    train_total(total_loss)


for epoch in range(100):
    for features, labels in packed_ds.take(STEPS_PER_EPOCH):
        train_step(features, labels)
    print(f"epoch {epoch}: xent={train_xent.result():.4f} total={train_total.result():.4f}")
    train_xent.reset_state()
    train_total.reset_state()
