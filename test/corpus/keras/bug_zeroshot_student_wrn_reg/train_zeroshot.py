# Idiom seen in: chris4540/DD2412-adl-proj train_zeroshot.py
# What it reproduces: zero-shot KT: the student WRN is now built with weight_decay=Config.weight_decay
#   (the repo left "TODO: Add regularization_loss"), but the student step differentiates
#   student_loss_fn(...) only, so student.losses never reach tape.gradient.
import argparse
import os
import time
import numpy as np
import tensorflow as tf
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.experimental import CosineDecay

from generator import NavieGenerator
from losses import student_loss_fn, generator_loss_fn
from wide_resnet import WideResidualNetwork
from utils.preprocess import get_cifar10_data


class Config:
    z_dim = 100
    batch_size = 128
    input_dim = (32, 32, 3)
    n_g_in_loop = 1
    n_s_in_loop = 10
    beta = 250
    n_outer_loop = 80000
    student_init_lr = 2e-3
    generator_init_lr = 1e-3
    weight_decay = 5e-4


def zeroshot_train(t_depth, t_width, t_path, s_depth=16, s_width=1, savedir='zeroshot'):
    teacher = WideResidualNetwork(t_depth, t_width, input_shape=Config.input_dim, output_activations=True)
    teacher.load_weights(t_path)
    teacher.trainable = False

    student = WideResidualNetwork(s_depth, s_width, input_shape=Config.input_dim,
                                  output_activations=True, weight_decay=Config.weight_decay)
    student_optimizer = Adam(learning_rate=CosineDecay(Config.student_init_lr,
                                                       decay_steps=Config.n_outer_loop * Config.n_s_in_loop))
    generator = NavieGenerator(input_dim=Config.z_dim)
    generator_optimizer = Adam(learning_rate=CosineDecay(Config.generator_init_lr,
                                                         decay_steps=Config.n_outer_loop * Config.n_g_in_loop))
    s_loss_met = tf.keras.metrics.Mean()
    g_loss_met = tf.keras.metrics.Mean()

    for iter_ in range(Config.n_outer_loop):
        z = tf.random.normal([Config.batch_size, Config.z_dim])

        for _ in range(Config.n_g_in_loop):
            with tf.GradientTape() as tape:
                pseudo_imgs = generator(z, training=True)
                t_logits, *t_acts = teacher(pseudo_imgs, training=False)
                s_logits, *_ = student(pseudo_imgs, training=True)
                loss = generator_loss_fn(t_logits, s_logits)
            grads = tape.gradient(loss, generator.trainable_weights)
            grads, _ = tf.clip_by_global_norm(grads, 5.0)
            generator_optimizer.apply_gradients(zip(grads, generator.trainable_weights))
            g_loss_met(loss)

        pseudo_imgs = generator(z, training=True)
        t_logits, *t_acts = teacher(pseudo_imgs, training=False)
        for _ in range(Config.n_s_in_loop):
            with tf.GradientTape() as tape:
                s_logits, *s_acts = student(pseudo_imgs, training=True)
                loss = student_loss_fn(t_logits, t_acts, s_logits, s_acts, Config.beta)
            grads = tape.gradient(loss, student.trainable_weights)
            grads, _ = tf.clip_by_global_norm(grads, 5.0)
            student_optimizer.apply_gradients(zip(grads, student.trainable_weights))
            s_loss_met(loss)

        if iter_ % 50 == 0:
            print('iter %d  g_loss %.4f  s_loss %.4f' % (iter_, g_loss_met.result(), s_loss_met.result()))
        s_loss_met.reset_states()
        g_loss_met.reset_states()
    student.save_weights(os.path.join(savedir, 'student.h5'))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-td', '--tdepth', type=int, required=True)
    parser.add_argument('-tw', '--twidth', type=int, required=True)
    parser.add_argument('-sd', '--sdepth', type=int, required=True)
    parser.add_argument('-sw', '--swidth', type=int, required=True)
    parser.add_argument('-tpath', '--teacherpath', type=str, required=True)
    parser.add_argument('--savedir', type=str, default='zeroshot')
    args = parser.parse_args()
    zeroshot_train(args.tdepth, args.twidth, args.teacherpath, args.sdepth, args.swidth, savedir=args.savedir)
