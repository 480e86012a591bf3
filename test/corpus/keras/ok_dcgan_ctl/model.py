# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/dcgan/tf2_dcgan/dcgan_class_ctl_module/trainer/ (discriminators.py, generators.py, train.py, instantiate_model.py, model.py)
# What it reproduces: TF2 DCGAN with a hand-written (custom) training loop: generator/discriminator network classes
#   get kernel_regularizer=l1_l2(...) from params and each loss method adds sum(self.model.losses) (scaled with
#   tf.nn.scale_regularization_loss under a distribution strategy) inside the GradientTapes. Clean.
import tensorflow as tf

from discriminators import Discriminator
from generators import Generator
from inputs import read_dataset
from train import Train


class TrainModel(Train):
    def __init__(self, params):
        self.params = params
        self.global_batch_size = params["train_batch_size"]
        self.network_objects = {}
        self.optimizers = {}

    def instantiate_network_objects(self):
        self.network_objects["generator"] = Generator(
            input_shape=(self.params["latent_size"],),
            kernel_regularizer=tf.keras.regularizers.l1_l2(
                l1=self.params["generator_l1_regularization_scale"],
                l2=self.params["generator_l2_regularization_scale"]),
            bias_regularizer=None, name="generator", params=self.params)
        self.network_objects["discriminator"] = Discriminator(
            input_shape=(self.params["height"], self.params["width"], self.params["depth"]),
            kernel_regularizer=tf.keras.regularizers.l1_l2(
                l1=self.params["discriminator_l1_regularization_scale"],
                l2=self.params["discriminator_l2_regularization_scale"]),
            bias_regularizer=None, name="discriminator", params=self.params)

    def instantiate_optimizer(self, scope):
        self.optimizers[scope] = tf.keras.optimizers.Adam(
            learning_rate=self.params["{}_learning_rate".format(scope)],
            beta_1=self.params["{}_adam_beta1".format(scope)], name="{}_adam_optimizer".format(scope))

    def training_loop(self):
        self.instantiate_network_objects()
        for scope in ["generator", "discriminator"]:
            self.instantiate_optimizer(scope)
        dataset = read_dataset(self.params["train_file_pattern"], self.params["train_batch_size"])
        step = 0
        for epoch in range(self.params["num_epochs"]):
            for features in dataset:
                generator_loss, discriminator_loss = self.train_step(features["image"])
                if step % self.params["log_step_count_steps"] == 0:
                    print("epoch %d step %d: G %.4f D %.4f" % (epoch, step, generator_loss, discriminator_loss))
                step += 1


if __name__ == "__main__":
    params = {
        "train_file_pattern": "data/mnist/train*.tfrecord", "train_batch_size": 64, "num_epochs": 30,
        "log_step_count_steps": 100, "height": 28, "width": 28, "depth": 1, "latent_size": 512,
        "distribution_strategy": "",
        "generator_projection_dims": [7, 7, 256], "generator_num_filters": [128, 64],
        "generator_kernel_sizes": [5, 5], "generator_strides": [2, 2], "generator_leaky_relu_alpha": 0.2,
        "generator_l1_regularization_scale": 0.0, "generator_l2_regularization_scale": 0.01,
        "generator_learning_rate": 1e-4, "generator_adam_beta1": 0.5, "generator_clip_gradients": None,
        "discriminator_num_filters": [64, 128], "discriminator_kernel_sizes": [5, 5],
        "discriminator_strides": [2, 2], "discriminator_dropout_rates": [0.3, 0.3],
        "discriminator_leaky_relu_alpha": 0.2, "discriminator_l1_regularization_scale": 0.0,
        "discriminator_l2_regularization_scale": 0.01, "discriminator_learning_rate": 1e-4,
        "discriminator_adam_beta1": 0.5, "discriminator_clip_gradients": None,
    }
    TrainModel(params).training_loop()
