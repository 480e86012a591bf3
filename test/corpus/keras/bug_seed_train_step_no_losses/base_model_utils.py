# Idiom seen in: yuh8/SEED src/base_model_utils.py
# What it reproduces: core_model() stacking the regularized blocks, and SeedGenerator, a keras.Model whose compile()
#   keeps its own loss_fn and whose train_step differentiates loss_fn(y, logits) without self.losses.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

from CONSTS import ATOM_LIST, CHARGES, BOND_NAMES, MAX_NUM_ATOMS, FEATURE_DEPTH, FILTER_SIZE
from CONSTS import NUM_RES_BLOCKS_NEW, NUM_FILTERS_NEW
from embed_utils import conv2d_block, res_block


def core_model():
    X = layers.Input(shape=(MAX_NUM_ATOMS, MAX_NUM_ATOMS, FEATURE_DEPTH + 1))
    num_act_charge_actions = len(ATOM_LIST) * len(CHARGES)
    num_loc_bond_actions = (MAX_NUM_ATOMS - 1) * len(BOND_NAMES)
    out = conv2d_block(X, NUM_FILTERS_NEW, FILTER_SIZE)
    for _ in range(5):
        for _ in range(NUM_RES_BLOCKS_NEW // 4):
            out = res_block(out, NUM_FILTERS_NEW, FILTER_SIZE)
        out = layers.MaxPool2D(2, 2)(out)
    out = layers.GlobalMaxPooling2D()(out)
    action_logits = layers.Dense(num_act_charge_actions + num_loc_bond_actions,
                                 activation=None, use_bias=False)(out)
    return X, action_logits


def loss_func(y_true, y_pred):
    loss_obj = keras.losses.CategoricalCrossentropy(from_logits=True)
    return loss_obj(y_true, y_pred)


def get_optimizer_step_decay(lr):
    lr_fn = tf.keras.optimizers.schedules.PiecewiseConstantDecay([12000, 18000, 24000],
                                                                 [lr, lr / 5, lr / 10, lr / 15])
    return tf.keras.optimizers.Adam(learning_rate=lr_fn)


class SeedGenerator(keras.Model):
    def compile(self, optimizer, loss_fn):
        super(SeedGenerator, self).compile()
        self.optimizer = optimizer
        self.loss_fn = loss_fn
        self.train_act_acc = tf.keras.metrics.CategoricalAccuracy(name="train_act_acc")
        self.train_loss = tf.keras.metrics.CategoricalCrossentropy(name='train_loss', from_logits=True)

    def train_step(self, train_data):
        X, y = train_data
        with tf.GradientTape() as tape:
            logits = self(X, training=True)
            loss = self.loss_fn(y, logits)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.train_act_acc.update_state(y, logits)
        self.train_loss.update_state(y, logits)
        return {"train_act_acc": self.train_act_acc.result(), "train_loss": self.train_loss.result()}

    @property
    def metrics(self):
        return [self.train_act_acc, self.train_loss]
