# Idiom seen in: amberT15/QuantPred custom_fit.py
# Idiom seen in: amberT15/QuantPred modelzoo.py
# What it reproduces: the repo's RobustTrainer: random-crop / reverse-complement augmentation, then a GradientTape
#   step that differentiates self.loss(y, preds) only; the l2 terms of the modelzoo layers are never added.
import time
import tensorflow as tf

from augment import random_crop, ReverseComplement, bin_resolution


class RobustTrainer():
    """Custom training loop with flags incorporated"""

    def __init__(self, model, loss, optimizer, input_window, bin_size, rev_comp=True, crop='r_crop'):
        self.window_size = input_window
        self.bin_size = bin_size
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.rev_comp = rev_comp
        self.crop = crop

    @tf.function
    def robust_train_step(self, x, y):
        if self.crop == 'r_crop':
            x, y = random_crop(x, y, self.window_size)
            if self.bin_size > 1:
                y = bin_resolution(y, self.bin_size)
        if self.rev_comp:
            x, y = ReverseComplement(x, y)
        with tf.GradientTape() as tape:
            preds = self.model(x, training=True)
            loss = self.loss(y, preds)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_weights))
        return loss

    def robust_train_epoch(self, trainset, num_step):
        start_time = time.time()
        running_loss = 0
        for i, (x, y) in enumerate(trainset):
            running_loss += self.robust_train_step(x, y)
        print('train loss %.4f (%.1fs)' % (running_loss / (i + 1), time.time() - start_time))
        return running_loss / (i + 1)
