# Idiom seen in: fengjiran/tensorflow_learning Inpainting/my_work/train_imagenet_100k_wgan.py
# What it reproduces: the WGAN-GP inpainting script at module level (placeholders, losses, two Adam
#   optimizers on compute_gradients/apply_gradients); loss_G adds the generator's decay collection, but
#   nothing reads 'weight_decay_dis', so the critic trains without its decay.
import os
import pickle

import numpy as np
import tensorflow as tf

from loss import tf_ssim  # SSIM helpers, not in this folder
from model import discriminator_without_bn, reconstruction
from utils import crop_random, load_image  # image helpers, not in this folder

n_epochs = 10000
init_lr = 1e-5
lr_decay_steps = 1000
weight_decay_rate = 0.00001
batch_size = 64
lambda_recon = 0.9
lambda_adv = 0.1
lambda_gp = 1.
hiding_size = 64
model_path = './models'
trainset = pickle.load(open('./imagenet_trainset.pickle', 'rb'))

is_training = tf.placeholder(tf.bool)
global_step = tf.placeholder(tf.int64)
images = tf.placeholder(tf.float32, [batch_size, 128, 128, 3], name='images')
ground_truth = tf.placeholder(tf.float32, [batch_size, hiding_size, hiding_size, 3], name='ground_truth')

recons = reconstruction(images=images, is_training=is_training)
adv_pos = discriminator_without_bn(images=ground_truth)
adv_neg = discriminator_without_bn(images=recons, reuse=True)

theta = tf.random_uniform(shape=[batch_size, 1, 1, 1], minval=0., maxval=1.)
interpolates = ground_truth + theta * (recons - ground_truth)
gradients = tf.gradients(discriminator_without_bn(interpolates, True), [interpolates])[0]
slopes = tf.sqrt(tf.reduce_sum(tf.square(gradients), axis=[1, 2, 3]))
gradient_penalty = tf.reduce_mean((slopes - 1.) ** 2)

loss_adv_G = -tf.reduce_mean(adv_neg)
loss_adv_D = tf.reduce_mean(adv_neg) - tf.reduce_mean(adv_pos) + lambda_gp * gradient_penalty
loss_recon = tf_ssim(recons, ground_truth, size=11)

loss_G = loss_adv_G * lambda_adv + loss_recon * lambda_recon
loss_D = loss_adv_D * lambda_adv

var_G = tf.get_collection('gen_params_conv')
var_D = tf.get_collection('dis_params_conv')

loss_G = loss_G + weight_decay_rate * tf.reduce_mean(tf.get_collection('weight_decay_gen'))

lr = tf.train.exponential_decay(learning_rate=init_lr, global_step=global_step,
                                decay_steps=lr_decay_steps, decay_rate=0.96)
opt_g = tf.train.AdamOptimizer(lr, beta1=0.5, beta2=0.9)
opt_d = tf.train.AdamOptimizer(lr, beta1=0.5, beta2=0.9)
train_op_g = opt_g.apply_gradients(opt_g.compute_gradients(loss_G, var_G))
train_op_d = opt_d.apply_gradients(opt_d.compute_gradients(loss_D, var_D))

saver = tf.train.Saver()
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    iters = 0
    for epoch in range(n_epochs):
        paths = np.random.permutation(trainset['image_path'].values)
        for start in range(0, len(paths) - batch_size, batch_size):
            batch = [load_image(p) for p in paths[start:start + batch_size]]
            crops = [crop_random(img, width=hiding_size, height=hiding_size) for img in batch]
            masked = np.array([c[0] for c in crops])
            hidden = np.array([c[1] for c in crops])
            for _ in range(5):
                sess.run(train_op_d, feed_dict={images: masked, ground_truth: hidden,
                                                is_training: True, global_step: iters})
            _, g_val = sess.run([train_op_g, loss_G], feed_dict={images: masked, ground_truth: hidden,
                                                                 is_training: True, global_step: iters})
            iters += 1
            if iters % 100 == 0:
                print('iter %d loss_G %.4f' % (iters, g_val))
        saver.save(sess, os.path.join(model_path, 'context_encoder_imagenet_model'))
