# Idiom seen in: NobuoTsukamoto/jax_examples classification/main.py
# What it reproduces: absl entry point that loads the config module and the (absent) input pipeline, then calls train.train_and_evaluate.
from absl import app, flags

import input_pipeline
import train
from configs.vit_small import get_config

flags.DEFINE_string("workdir", None, "Directory to store model data.")
FLAGS = flags.FLAGS


def main(argv):
    del argv
    config = get_config()
    train_iter, steps_per_epoch = input_pipeline.create_split(config, split="train")
    train.train_and_evaluate(config, FLAGS.workdir, train_iter, steps_per_epoch)


if __name__ == "__main__":
    app.run(main)
