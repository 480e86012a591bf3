# Idiom seen in: rasbt/python-machine-learning-book-3rd-edition ch13/ch13_part2.py
# What it reproduces: the book's subclassed linear-regression model trained by a hand-written GradientTape
#   step (w.assign_sub(lr * dW)); a user turns it into ridge regression with self.add_loss(...) in call(),
#   which model.fit would add but this loop never does: current_loss is the MSE alone (WD103 at add_loss).
import numpy as np
import tensorflow as tf

X_train = np.arange(10).reshape((10, 1))
y_train = np.array([1.0, 1.3, 3.1, 2.0, 5.0, 6.3, 6.6, 7.4, 8.0, 9.0])
X_train_norm = (X_train - np.mean(X_train)) / np.std(X_train)
ds_train_orig = tf.data.Dataset.from_tensor_slices(
    (tf.cast(X_train_norm, tf.float32), tf.cast(y_train, tf.float32)))

RIDGE_LAMBDA = 0.05


class MyModel(tf.keras.Model):
    def __init__(self, ridge_lambda=RIDGE_LAMBDA):
        super(MyModel, self).__init__()
        self.w = tf.Variable(0.0, name='weight')
        self.b = tf.Variable(0.0, name='bias')
        self.ridge_lambda = ridge_lambda

    def call(self, x):
        self.add_loss(self.ridge_lambda * tf.reduce_sum(tf.square(self.w)))  # expect: WD103
        return self.w * x + self.b


def loss_fn(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


def train(model, inputs, outputs, learning_rate):
    with tf.GradientTape() as tape:
        current_loss = loss_fn(model(inputs), outputs)
    dW, db = tape.gradient(current_loss, [model.w, model.b])
    model.w.assign_sub(learning_rate * dW)
    model.b.assign_sub(learning_rate * db)


tf.random.set_seed(1)
model = MyModel()
model.build(input_shape=(None, 1))

num_epochs = 200
log_steps = 100
learning_rate = 0.001
batch_size = 1
steps_per_epoch = int(np.ceil(len(y_train) / batch_size))

ds_train = ds_train_orig.shuffle(buffer_size=len(y_train)).repeat(count=None).batch(1)
Ws, bs = [], []
for i, batch in enumerate(ds_train):
    if i >= steps_per_epoch * num_epochs:
        break
    Ws.append(model.w.numpy())
    bs.append(model.b.numpy())
    bx, by = batch
    loss_val = loss_fn(model(bx), by)
    train(model, bx, by, learning_rate=learning_rate)
    if i % log_steps == 0:
        print('Epoch {:4d} Step {:2d} Loss {:6.4f}'.format(int(i / steps_per_epoch), i, loss_val))

print('Final Parameters:', model.w.numpy(), model.b.numpy())
