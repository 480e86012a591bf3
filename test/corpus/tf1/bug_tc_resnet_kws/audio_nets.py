# Idiom seen in: hyperconnect/TC-ResNet factory/audio_nets.py
# What it reproduces: the model factory: build_inference enters the arg_scope returned by TCResNet_arg_scope,
#   build_loss adds a hand-written weight_decay * sum(l2_loss(v)) over all non-BN variables and never reads the
#   slim regularization losses, so the arg_scope's weights_regularizer terms reach no loss.
import tensorflow as tf

from tc_resnet import TCResNet8, TCResNet_arg_scope

slim = tf.contrib.slim


class AudioNetModel(object):
    def __init__(self, args, dataset=None):
        self.args = args
        self.dataset = dataset

    def build(self, inputs, labels, is_training):
        logits, endpoints = self.build_inference(inputs, is_training=is_training)
        self.total_loss, self.model_loss = self.build_loss(logits, labels)
        self.output = tf.identity(slim.softmax(logits), name="output/softmax")
        return logits, endpoints

    def build_inference(self, inputs, is_training=True):
        raise NotImplementedError

    def build_loss(self, logits, labels):
        model_loss = tf.losses.softmax_cross_entropy(
            logits=logits, onehot_labels=labels,
            label_smoothing=self.args.label_smoothing, weights=1.0)

        def exclude_batch_norm(name):
            return ("batch_normalization" not in name) and ("BatchNorm" not in name)

        l2_loss = self.args.weight_decay * tf.add_n(
            [tf.nn.l2_loss(tf.cast(v, tf.float32)) for v in tf.trainable_variables()
             if exclude_batch_norm(v.name)])
        total_loss = model_loss + l2_loss
        return total_loss, model_loss

    @staticmethod
    def add_arguments(parser):
        parser.add_argument("--label_smoothing", default=0.0, type=float)


class TCResNet8Model(AudioNetModel):
    @staticmethod
    def add_arguments(parser):
        parser.add_argument("--weight_decay", default=0.001, type=float)
        parser.add_argument("--width_multiplier", default=1.0, type=float)

    def build_inference(self, inputs, is_training=True):
        with slim.arg_scope(TCResNet_arg_scope(is_training=is_training,
                                               weight_decay=self.args.weight_decay)):
            return TCResNet8(inputs, self.args.num_classes,
                             width_multiplier=self.args.width_multiplier)
