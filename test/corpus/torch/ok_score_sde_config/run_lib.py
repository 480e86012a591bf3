# Idiom seen in: yang-song/score_sde_pytorch run_lib.py
# What it reproduces: the training driver: optimizer = losses.get_optimizer(config, score_model.parameters()),
# config from configs/default_cifar10_configs.py (weight_decay 0). Clean.
from absl import app, flags

import losses
import sde_lib
from models import ncsnpp  # noqa: F401  (registers the model)
from models import utils as mutils
import datasets
from configs.default_cifar10_configs import get_default_configs

FLAGS = flags.FLAGS
flags.DEFINE_string('workdir', None, 'Work directory.')


def train(config, workdir):
    score_model = mutils.create_model(config)
    optimizer = losses.get_optimizer(config, score_model.parameters())
    optimize_fn = losses.optimization_manager(config)
    sde = sde_lib.VESDE(sigma_min=config.model.sigma_min, sigma_max=config.model.sigma_max,
                        N=config.model.num_scales)
    loss_fn = losses.get_sde_loss_fn(sde, train=True, reduce_mean=config.training.reduce_mean)
    train_ds, _ = datasets.get_dataset(config)
    for step, batch in enumerate(train_ds):
        if step >= config.training.n_iters:
            break
        batch = batch.to(config.device)
        optimizer.zero_grad()
        loss = loss_fn(score_model, batch)
        loss.backward()
        optimize_fn(optimizer, score_model.parameters(), step=step)


def main(argv):
    train(get_default_configs(), FLAGS.workdir)


if __name__ == '__main__':
    app.run(main)
