# Idiom seen in: soumik12345/jax-series season_1/episode_2/train.py
# What it reproduces: the ml_collections config + pmap driver of the series; weight_decay=5e-4 from the
#   config reaches steps.train_step, the optimizer is plain Nesterov SGD. Clean.
import functools

import jax
from absl import app, flags
from flax import jax_utils
from ml_collections import config_flags

from dataloader import get_dataset
from models import ResNet18
from steps import train_step
from train_state import create_lr_schedule, create_train_state

FLAGS = flags.FLAGS
config_flags.DEFINE_config_file("config", "configs/default.py")


def main(_):
    config = FLAGS.config
    train_ds, steps_per_epoch = get_dataset(config.batch_size, split="train")
    lr_schedule = create_lr_schedule(config.learning_rate, steps_per_epoch,
                                      config.warmup_epochs, config.num_epochs)
    model = ResNet18(num_classes=config.num_classes)
    state = create_train_state(jax.random.PRNGKey(0), model, config.image_size, lr_schedule,
                               momentum=0.9)
    state = jax_utils.replicate(state)
    p_train_step = jax.pmap(
        functools.partial(train_step, lr_schedule=lr_schedule, weight_decay=5e-4,
                          num_classes=config.num_classes),
        axis_name="batch")
    for epoch in range(config.num_epochs):
        for batch in train_ds:
            state, metrics = p_train_step(state, batch)
        print(epoch, jax_utils.unreplicate(metrics))


if __name__ == "__main__":
    app.run(main)
