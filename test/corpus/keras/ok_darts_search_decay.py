# Idiom seen in: MichalPinos/darts-tf search_cell.py
# What it reproduces: a TF2 DARTS cell search whose weight step decays by hand after clipping
#   (var.assign_sub(var * weight_decay * lr) for every trainable weight, then SGD+momentum applies the gradients);
#   the network has no Keras regularizers and no optimizer weight_decay, so nothing is lost or doubled. Clean.
import datetime
import numpy as np
import tensorflow as tf
import tensorflow.keras as keras

from model_search import Network
from config import Config
from architect import Architect

LOG_DIR = './logs'


@tf.function
def train_step(x_batch_train, y_batch_train):
    with tf.GradientTape() as tape:
        logits = model(x_batch_train, training=True)
        loss = criterion(y_batch_train, logits)
    grads = tape.gradient(loss, model.trainable_weights)
    grads, _ = tf.clip_by_global_norm(grads, clip_norm=config.args.grad_clip)
    # Apply weight decay
    for var in model.trainable_weights:
        var.assign_sub(var * config.args.weight_decay * lr)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    train_loss.update_state(y_batch_train, logits)
    train_acc.update_state(y_batch_train, logits)
    return loss


@tf.function
def architect_step(x_batch_train, y_batch_train, x_batch_valid, y_batch_valid):
    architect.step(x_batch_train, y_batch_train, x_batch_valid, y_batch_valid, xi=lr, net_optimizer=optimizer,
                   unrolled=config.args.unrolled)


def current_lr(step, decay_steps, alpha, initial_lr):
    step = min(step + 1, decay_steps)
    cosine_decay = 0.5 * (1 + np.cos(np.pi * step / decay_steps))
    return initial_lr * ((1 - alpha) * cosine_decay + alpha)


config = Config('search')
tf.random.set_seed(config.args.seed)
(x, y), _ = keras.datasets.cifar10.load_data()
dataset = tf.data.Dataset.from_tensor_slices((x / 255, y)).shuffle(buffer_size=50000)
train_dataset = dataset.take(25000).batch(config.args.batch_size)
val_dataset = dataset.skip(25000).take(25000).batch(config.args.batch_size)

decay_steps = config.args.epochs * len(train_dataset)
lr_scheduler = keras.optimizers.schedules.CosineDecay(config.args.learning_rate, decay_steps,
                                                      config.args.learning_rate_min)
criterion = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(learning_rate=lr_scheduler, momentum=config.args.momentum)
model = Network(config.args.init_channels, criterion, 10, config.args.layers, n_nodes=config.args.nodes)
architect = Architect(model, config.args, criterion)

lr = tf.Variable(config.args.learning_rate, dtype=tf.float32, trainable=False)
train_loss = keras.metrics.SparseCategoricalCrossentropy(from_logits=True)
train_acc = keras.metrics.SparseCategoricalAccuracy()
writer = tf.summary.create_file_writer(LOG_DIR + '/' + datetime.datetime.now().strftime('%Y%m%d-%H%M%S'))

lr_step = 0
for epoch in range(config.args.epochs):
    for (x_train, y_train), (x_valid, y_valid) in zip(train_dataset, val_dataset):
        lr.assign(current_lr(lr_step, decay_steps, config.args.learning_rate_min, config.args.learning_rate))
        architect_step(x_train, y_train, x_valid, y_valid)
        train_step(x_train, y_train)
        lr_step += 1
    with writer.as_default():
        tf.summary.scalar('train_loss', train_loss.result(), step=epoch)
        tf.summary.scalar('train_acc', train_acc.result(), step=epoch)
    print('epoch %d: loss %.4f acc %.4f genotype %s' % (epoch, train_loss.result(), train_acc.result(),
                                                       model.genotype()))
    train_loss.reset_states()
    train_acc.reset_states()
