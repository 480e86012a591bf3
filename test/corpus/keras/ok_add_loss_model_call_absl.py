# Idiom seen in: yooq/tensorflow_test src/GGGG/No2/定义自己的loss.py (loss_value += sum(model.losses))
#                zzh8829/yolov3-tf2 train.py (absl flags, app.run(main))
# What it reproduces: the same self.add_loss weight decay inside a subclassed model's call(); the
# @tf.function step adds sum(model.losses) to the loss, and is only called from main() run by
# absl.app.run. Correctly wired.
import tensorflow as tf
from absl import app, flags, logging
from tensorflow import keras

flags.DEFINE_float('weight_decay', 5e-4, 'L2 coefficient on the kernels')
flags.DEFINE_float('learning_rate', 1e-2, 'SGD learning rate')
flags.DEFINE_integer('epochs', 5, 'number of epochs')
FLAGS = flags.FLAGS


class MLP(keras.Model):
    def __init__(self, hidden=256, num_classes=10, weight_decay=5e-4):
        super().__init__()
        self.weight_decay = weight_decay
        self.dense_1 = keras.layers.Dense(hidden, activation='relu')
        self.out = keras.layers.Dense(num_classes)

    def call(self, inputs, training=False):
        x = self.dense_1(inputs)
        self.add_loss(self.weight_decay * tf.add_n(
            [tf.nn.l2_loss(w) for w in self.trainable_weights if 'kernel' in w.name]))
        return self.out(x)


def main(_argv):
    model = MLP(weight_decay=FLAGS.weight_decay)
    optimizer = keras.optimizers.SGD(learning_rate=FLAGS.learning_rate, momentum=0.9)
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss = loss_fn(y, logits)
            loss += sum(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    (x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
    x_train = x_train.reshape(60000, 784).astype('float32') / 255.0
    dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1024).batch(64)
    for epoch in range(FLAGS.epochs):
        for x, y in dataset:
            loss = train_step(x, y)
        logging.info('epoch %d loss %.4f', epoch, float(loss))


if __name__ == '__main__':
    app.run(main)
