# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/lsgan/tf_lsgan/lsgan_module/trainer/ (lsgan.py, discriminator.py, generator.py, train.py, task.py)
# What it reproduces: Estimator LSGAN whose generator/discriminator classes receive an l1_l2 kernel_regularizer
#   built from params; each network adds tf.losses.get_regularization_loss(scope=...) to its own loss, and
#   tf.gradients of that total trains the scope. Clean: both scopes read their regularization terms.
import argparse
import json

import tensorflow as tf

from lsgan import lsgan_model
from input import read_dataset


def convert_string_to_list(s, dtype=int):
    return [dtype(x) for x in s.split(",")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--output_dir", required=True)
    parser.add_argument("--train_file_pattern", required=True)
    parser.add_argument("--train_batch_size", type=int, default=32)
    parser.add_argument("--train_steps", type=int, default=100000)
    parser.add_argument("--latent_size", type=int, default=512)
    parser.add_argument("--generator_projection_dims", type=str, default="4,4,256")
    parser.add_argument("--generator_num_filters", type=str, default="128,64")
    parser.add_argument("--generator_kernel_sizes", type=str, default="5,5")
    parser.add_argument("--generator_strides", type=str, default="2,2")
    parser.add_argument("--generator_leaky_relu_alpha", type=float, default=0.2)
    parser.add_argument("--generator_l1_regularization_scale", type=float, default=0.0)
    parser.add_argument("--generator_l2_regularization_scale", type=float, default=0.01)
    parser.add_argument("--generator_learning_rate", type=float, default=0.0001)
    parser.add_argument("--generator_adam_beta1", type=float, default=0.5)
    parser.add_argument("--generator_clip_gradients", type=float, default=5.0)
    parser.add_argument("--generator_train_steps", type=int, default=1)
    parser.add_argument("--discriminator_num_filters", type=str, default="64,128")
    parser.add_argument("--discriminator_kernel_sizes", type=str, default="5,5")
    parser.add_argument("--discriminator_strides", type=str, default="2,2")
    parser.add_argument("--discriminator_dropout_rates", type=str, default="0.3,0.3")
    parser.add_argument("--discriminator_leaky_relu_alpha", type=float, default=0.2)
    parser.add_argument("--discriminator_l1_regularization_scale", type=float, default=0.0)
    parser.add_argument("--discriminator_l2_regularization_scale", type=float, default=0.01)
    parser.add_argument("--discriminator_learning_rate", type=float, default=0.0001)
    parser.add_argument("--discriminator_adam_beta1", type=float, default=0.5)
    parser.add_argument("--discriminator_clip_gradients", type=float, default=5.0)
    parser.add_argument("--discriminator_train_steps", type=int, default=1)
    parser.add_argument("--loss_a", type=float, default=0.0)
    parser.add_argument("--loss_b", type=float, default=1.0)
    parser.add_argument("--loss_c", type=float, default=1.0)
    parser.add_argument("--depth", type=int, default=3)
    arguments = vars(parser.parse_args())
    for key in ["generator_projection_dims", "generator_num_filters", "generator_kernel_sizes",
                "generator_strides", "discriminator_num_filters", "discriminator_kernel_sizes",
                "discriminator_strides"]:
        arguments[key] = convert_string_to_list(arguments[key])
    arguments["discriminator_dropout_rates"] = convert_string_to_list(arguments["discriminator_dropout_rates"], float)
    print(json.dumps(arguments, indent=2))

    estimator = tf.estimator.Estimator(model_fn=lsgan_model, model_dir=arguments["output_dir"], params=arguments)
    estimator.train(input_fn=read_dataset(arguments["train_file_pattern"], tf.estimator.ModeKeys.TRAIN,
                                          arguments["train_batch_size"]),
                    max_steps=arguments["train_steps"])
