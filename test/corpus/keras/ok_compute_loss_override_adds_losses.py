# Idiom seen in: ejayjeon/lang_practice python_tensorflow_study/test2.py
# What it reproduces: Model.compute_loss overridden by hand (MSE + loss_tracker) that still adds
# tf.add_n(self.losses), so fit minimizes the kernel/bias l2 terms and the model-level add_loss.
# Correctly wired.
import tensorflow as tf

WEIGHT_DECAY = 1e-4


class MyModel(tf.keras.Model):

    def __init__(self, *args, **kwargs):
        super(MyModel, self).__init__(*args, **kwargs)
        self.loss_tracker = tf.keras.metrics.Mean(name='loss')

    def compute_loss(self, x, y, y_pred, sample_weight):
        loss = tf.reduce_mean(tf.math.squared_difference(y_pred, y))
        loss += tf.add_n(self.losses)
        self.loss_tracker.update_state(loss)
        return loss

    def reset_metrics(self):
        self.loss_tracker.reset_states()

    @property
    def metrics(self):
        return [self.loss_tracker]


features, targets = tf.random.uniform((4096, 16)), tf.random.uniform((4096, 1))
dataset = tf.data.Dataset.from_tensor_slices((features, targets)).shuffle(4096).repeat().batch(32)

inputs = tf.keras.layers.Input(shape=(16,), name='my_input')
hidden = tf.keras.layers.Dense(64, activation='relu',
                               kernel_regularizer=tf.keras.regularizers.L2(WEIGHT_DECAY),
                               bias_regularizer=tf.keras.regularizers.L2(WEIGHT_DECAY))(inputs)
outputs = tf.keras.layers.Dense(1, kernel_regularizer=tf.keras.regularizers.L2(WEIGHT_DECAY))(hidden)
model = MyModel(inputs, outputs)
model.add_loss(1e-5 * tf.reduce_sum(tf.square(hidden)))

optimizer = tf.keras.optimizers.SGD(learning_rate=0.01)
model.compile(optimizer, loss='mse', steps_per_execution=10)
model.fit(dataset, epochs=2, steps_per_epoch=100)
print('My custom loss: ', model.loss_tracker.result().numpy())
