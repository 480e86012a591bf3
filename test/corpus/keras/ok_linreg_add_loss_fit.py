# Idiom seen in: rasbt/python-machine-learning-book-3rd-edition ch13/ch13_part2.py
# What it reproduces: the book's subclassed linear-regression model with a ridge penalty registered through
#   self.add_loss(...) in call(), trained the book's second way, model.compile('sgd', loss_fn) + model.fit,
#   which adds model.losses to the compiled loss. Clean.
import numpy as np
import tensorflow as tf

X_train = np.arange(10).reshape((10, 1))
y_train = np.array([1.0, 1.3, 3.1, 2.0, 5.0, 6.3, 6.6, 7.4, 8.0, 9.0])
X_train_norm = (X_train - np.mean(X_train)) / np.std(X_train)


class MyModel(tf.keras.Model):
    def __init__(self, ridge_lambda=0.05):
        super(MyModel, self).__init__()
        self.w = tf.Variable(0.0, name='weight')
        self.b = tf.Variable(0.0, name='bias')
        self.ridge_lambda = ridge_lambda

    def call(self, x):
        self.add_loss(self.ridge_lambda * tf.reduce_sum(tf.square(self.w)))
        return self.w * x + self.b


def loss_fn(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


tf.random.set_seed(1)
num_epochs = 200
batch_size = 1

model = MyModel()
model.compile(optimizer='sgd', loss=loss_fn, metrics=['mae', 'mse'])
model.fit(X_train_norm, y_train, epochs=num_epochs, batch_size=batch_size, verbose=1)
print(model.w.numpy(), model.b.numpy())

X_test = np.linspace(0, 9, num=100).reshape(-1, 1)
X_test_norm = (X_test - np.mean(X_train)) / np.std(X_train)
y_pred = model(tf.cast(X_test_norm, dtype=tf.float32))
print(y_pred[:5])
