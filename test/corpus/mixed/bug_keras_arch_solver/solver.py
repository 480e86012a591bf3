# Idiom seen in: wsn/Leaves Solvers/solver2.py (Solver2: optimizer picked from opt['solver'], self.model = create_model(opt), eager GradientTape loop over a TFRecord dataset)
# What it reproduces: the weighted foreground/background BCE is the only thing differentiated; self.model.losses (the l2 kernel terms of SimpleVGG) is never added (bug, WD103).
import os

import tensorflow as tf

from archs import create_model


class Solver(object):

    def __init__(self, opt):
        self.opt = opt
        self.train_opt = opt['solver']
        self.batch_size = self.train_opt['batch_size']
        self.lr_init = self.train_opt['lr_init']
        self.max_steps = self.train_opt['max_steps']
        self.save_steps = self.train_opt['save_steps']
        self.learning_rate = tf.Variable(self.lr_init, name='learning_rate')
        self.global_step = tf.Variable(1, name='global_step', dtype=tf.int64)

        optimizer_type = self.train_opt['optimizer_type'].upper()
        if optimizer_type == 'ADAM':
            self.optimizer = tf.keras.optimizers.Adam(self.learning_rate)
        elif optimizer_type == 'MOMENTUM':
            self.optimizer = tf.keras.optimizers.SGD(self.learning_rate, momentum=0.95)
        else:
            raise NotImplementedError('Optimizer [%s] not supported!' % optimizer_type)

        self.train_dataset = (tf.data.TFRecordDataset([opt['datasets']['train']['dir']])
                              .map(self._parse_function)
                              .repeat(-1).shuffle(5000).batch(self.batch_size))
        self.model = create_model(opt)

    def _parse_function(self, example_proto):
        features = {'image': tf.io.FixedLenFeature((), tf.string, ''),
                    'label': tf.io.FixedLenFeature((), tf.string, '')}
        parsed = tf.io.parse_single_example(example_proto, features)
        size = self.opt['img_size']
        image = tf.reshape(tf.io.decode_raw(parsed['image'], tf.uint8), [size, size, 3])
        label = tf.reshape(tf.io.decode_raw(parsed['label'], tf.uint8), [2])
        return tf.cast(image, tf.float32) / 127.5 - 1.0, tf.cast(label, tf.float32)

    def loss(self, labels, preds):
        return tf.reduce_mean(tf.keras.losses.binary_crossentropy(labels, preds))

    def _save_checkpoint(self):
        ckpt_dir = os.path.join(self.train_opt['ckpt_dir'], '%03d' % self.train_opt['ckpt_id'])
        os.makedirs(ckpt_dir, exist_ok=True)
        ckpt = tf.train.Checkpoint(optimizer=self.optimizer, model=self.model)
        ckpt.save(os.path.join(ckpt_dir, 'ckpt'))

    def train(self):
        print('===> Training starts.')
        for images, labels in self.train_dataset:
            if int(self.global_step.numpy()) > self.max_steps:
                break
            fg_labels, bg_labels = labels[:, 0:1], labels[:, 1:]
            with tf.GradientTape() as tape:
                preds = self.model(images, True)
                fg_preds, bg_preds = preds[:, 0:1], preds[:, 1:]
                loss = self.loss(fg_labels, fg_preds) * 0.9 + self.loss(bg_labels, bg_preds) * 0.1
            grads = tape.gradient(loss, self.model.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
            self.global_step.assign_add(1)
            print('[Step %d] loss = %.4f' % (int(self.global_step.numpy()), float(loss)), end='\r')
            if int(self.global_step.numpy()) % self.save_steps == 0:
                self._save_checkpoint()
        print('===> Training ends.')
