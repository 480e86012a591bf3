# Idiom seen in: yuyun2000/tensorflow-kws train.py
# Idiom seen in: yuyun2000/tensorflow-kws utils.py
# What it reproduces: custom loop whose train_step computes loss = cross_entropy + l2_loss(model) inside the tape
#   and applies Adam (no optimizer-side decay), with a cosine-with-warm-up schedule. Clean.
import tensorflow as tf
from tensorflow.keras import optimizers
from tqdm import tqdm

from dataloader import train_iterator
from model import kwsmodel
from utils import correct_num_batch, l2_loss


def train_step(model, images, labels, optimizer):
    with tf.GradientTape() as tape:
        prediction = model(images, training=True)
        cross_entropy = tf.keras.losses.categorical_crossentropy(labels, prediction)
        cross_entropy = tf.reduce_mean(cross_entropy)
        l2 = l2_loss(model)
        loss = cross_entropy + l2
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss, prediction


def train(model, data_iterator, optimizer, steps_per_epoch, bs):
    for _ in tqdm(range(steps_per_epoch)):
        images, labels = data_iterator.next()
        ce, prediction = train_step(model, images, labels, optimizer)
        correct_num = correct_num_batch(labels, prediction)
        print('loss: {:.6f}, accuracy: {:.4f}'.format(ce, correct_num / bs))


class CosineDecayWithWarmUP(tf.keras.experimental.CosineDecay):
    def __init__(self, initial_learning_rate, decay_steps, alpha=0.0, warm_up_step=0, name=None):
        self.warm_up_step = warm_up_step
        super(CosineDecayWithWarmUP, self).__init__(initial_learning_rate=initial_learning_rate,
                                                    decay_steps=decay_steps, alpha=alpha, name=name)

    @tf.function
    def __call__(self, step):
        if step <= self.warm_up_step:
            return step / self.warm_up_step * self.initial_learning_rate
        return super(CosineDecayWithWarmUP, self).__call__(step - self.warm_up_step)


if __name__ == '__main__':
    batch_size = 32
    train_data_iterator = train_iterator(batch_size)
    model = kwsmodel(dim0=4)
    model.build(input_shape=(None, 64, 40, 1))
    model.summary()

    learning_rate = CosineDecayWithWarmUP(initial_learning_rate=1e-3, decay_steps=100 * 200,
                                          alpha=1e-2, warm_up_step=500)
    optimizer = optimizers.Adam(learning_rate=learning_rate)
    for epoch_num in range(100):
        train(model, train_data_iterator, optimizer, steps_per_epoch=200, bs=batch_size)
        model.save_weights('./h5/kws-%s.h5' % epoch_num)
