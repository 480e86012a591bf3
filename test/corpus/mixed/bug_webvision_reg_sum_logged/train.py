# Idiom seen in: shivgarg/webvision-video code/train.py
# Idiom seen in: shivgarg/webvision-video code/models.py
# Idiom seen in: shivgarg/webvision-video code/head.py
# What it reproduces: a TFBertModel-based video-step model whose Dense layers carry l2 kernel regularizers; the
#   tf.function train_step sums tf.add_n(model.losses) inside the tape but only logs it, and tape.gradient gets
#   the bare task loss (user change to the real loop).
import argparse
import os

import tensorflow as tf
import yaml

from data import UniformSampler  # not part of this folder
from losses import cross_entropy  # not part of this folder
from models import BertBasic

args = argparse.ArgumentParser()
args.add_argument('config_file')
args = args.parse_args()
config = yaml.safe_load(open(args.config_file, 'r'))

model = BertBasic(config)
loss_fn = cross_entropy()
dataset_train = UniformSampler(config['dataset'])
input_spec, padded_spec, pad_val = dataset_train.get_spec()
data_train = tf.data.Dataset.from_generator(dataset_train.generator, output_types=dataset_train.get_output_types(),
                                            output_shapes=dataset_train.get_output_shapes())
data_train = data_train.padded_batch(config['batch_size'], padded_shapes=padded_spec, padding_values=pad_val)

optimizer = tf.optimizers.Adam(learning_rate=config['lr'])
train_loss = tf.keras.metrics.Mean(name='train_loss')
reg_loss_metric = tf.keras.metrics.Mean(name='reg_loss')
summary = tf.summary.create_file_writer(config['ckpt_dir'])


@tf.function(input_signature=input_spec)
def train_step(inputs_embeds, labels):
    with tf.GradientTape() as tape:
        output, attention_mask = model(inputs_embeds, training=True)
        loss, output = loss_fn(output, labels)
        reg_loss = tf.add_n(model.losses)  # expect: WD105
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    train_loss(loss)
    reg_loss_metric(reg_loss)


for epoch in range(config['epochs']):
    for idx, (inputs_embeds, labels) in enumerate(data_train):
        train_step(inputs_embeds, labels)
        if idx % config['ckpt_steps'] == 0:
            with summary.as_default():
                tf.summary.scalar('loss', train_loss.result(), step=idx)
                tf.summary.scalar('reg_loss', reg_loss_metric.result(), step=idx)
            print('Epoch {}, Loss: {}, Reg: {}'.format(epoch + 1, train_loss.result(), reg_loss_metric.result()))
            train_loss.reset_states()
            reg_loss_metric.reset_states()
