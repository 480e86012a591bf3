# Idiom seen in: behrouzmadahian/python tensorflow2/05_custom_layers_models/10_GradientTape_plus_loss.py
#                (a self.add_loss term inside call, with a loop written from scratch)
#                google-research/simclr tf2/model.py (weight_decay * tf.add_n(tf.nn.l2_loss(v)) over kernels)
# What it reproduces: a subclassed model registers its own weight decay with self.add_loss in
# call(); the custom loop's loss is the cross entropy only, so the add_loss term sits in
# model.losses and never reaches tape.gradient (WD103 on the add_loss call).
import tensorflow as tf
from tensorflow import keras


class MLP(keras.Model):
    def __init__(self, hidden=256, num_classes=10, weight_decay=5e-4):
        super().__init__()
        self.weight_decay = weight_decay
        self.dense_1 = keras.layers.Dense(hidden, activation='relu')
        self.dense_2 = keras.layers.Dense(hidden, activation='relu')
        self.out = keras.layers.Dense(num_classes)

    def call(self, inputs, training=False):
        x = self.dense_2(self.dense_1(inputs))
        kernels = [w for w in self.trainable_weights if 'kernel' in w.name]
        self.add_loss(self.weight_decay * tf.add_n([tf.nn.l2_loss(w) for w in kernels]))  # expect: WD103
        return self.out(x)


model = MLP()
optimizer = keras.optimizers.SGD(learning_rate=1e-2, momentum=0.9)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
train_acc_metric = keras.metrics.SparseCategoricalAccuracy()

(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
x_train = x_train.reshape(60000, 784).astype('float32') / 255.0
train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1024).batch(64)

for epoch in range(5):
    for step, (x_batch, y_batch) in enumerate(train_dataset):
        with tf.GradientTape() as tape:
            logits = model(x_batch, training=True)
            loss_value = loss_fn(y_batch, logits)
        grads = tape.gradient(loss_value, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        train_acc_metric.update_state(y_batch, logits)
    print('epoch %d acc %.4f' % (epoch, float(train_acc_metric.result())))
    train_acc_metric.reset_states()
