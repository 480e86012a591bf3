# Idiom seen in: sseung0703/Knowledge_distillation_via_TF2.0 op_util.py
# Idiom seen in: sseung0703/Autoslim_TF2 op_util.py
# What it reproduces: a jit-compiled GradientTape step (teacher logits distilled into a student) where weight
#   decay is applied by hand to the gradients, `g + v * weight_decay`, before a Nesterov Keras SGD; the model
#   has no layer regularizers and the optimizer no weight_decay. Clean: exactly one decay.
import argparse

import tensorflow as tf

from dataloader import Dataloader
from nets import WResNet

parser = argparse.ArgumentParser(description='')
parser.add_argument("--learning_rate", default=1e-1, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--batch_size", default=128, type=int)
parser.add_argument("--train_epoch", default=200, type=int)
parser.add_argument("--temperature", default=4., type=float)
args = parser.parse_args()


def Optimizer(model, teacher, weight_decay, LR):
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(LR, .9, nesterov=True)
    train_loss = tf.keras.metrics.Mean(name='train_loss')

    @tf.function(jit_compile=True)
    def training(images, labels):
        t_logits = teacher(images, training=False)
        with tf.GradientTape() as tape:
            pred = model(images, training=True)
            target_loss = loss_object(labels, pred)
            T = args.temperature
            kd = tf.reduce_mean(tf.keras.losses.kl_divergence(tf.nn.softmax(t_logits / T),
                                                             tf.nn.softmax(pred / T))) * T * T
            total_loss = target_loss + kd
        trainable_variables = model.trainable_variables
        gradients = tape.gradient(total_loss, trainable_variables)
        if weight_decay > 0.:
            gradients = [g + v * weight_decay for g, v in zip(gradients, trainable_variables)]
        optimizer.apply_gradients(zip(gradients, trainable_variables))
        train_loss.update_state(total_loss)

    return training, train_loss


if __name__ == '__main__':
    train_images, train_labels, _, _ = Dataloader('cifar100', '')
    ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(50000).batch(args.batch_size)
    teacher = WResNet.Model(architecture=[40, 4], num_class=100, name='WResNet', trainable=False)
    teacher.load_weights('pretrained/wrn40_4')
    student = WResNet.Model(architecture=[16, 4], num_class=100, name='Student', trainable=True)
    lr = tf.keras.optimizers.schedules.PiecewiseConstantDecay([30000, 60000], [args.learning_rate, 2e-2, 4e-3])
    training, train_loss = Optimizer(student, teacher, args.weight_decay, lr)
    for epoch in range(args.train_epoch):
        for images, labels in ds:
            training(images, labels)
        print(epoch, train_loss.result().numpy())
        train_loss.reset_states()
