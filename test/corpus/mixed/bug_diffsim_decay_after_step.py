# Idiom seen in: coreyjadams/DiffSim diffsim/trainers/supervised_trainer.py
# Idiom seen in: coreyjadams/DiffSim diffsim/config/mode.py
# What it reproduces: build_optimizer picks the optax optimizer by name from a Hydra config and a user appends the decay with
# optax.chain(base, add_decayed_weights(wd)): after the -lr step, +wd*w grows the weights by (1 + wd) each step (WD302, user mistake).
from dataclasses import dataclass
from enum import Enum

import hydra
import jax
import jax.numpy as numpy
import optax
from flax import traverse_util
from hydra.core.config_store import ConfigStore
from jax import jit, vmap
from omegaconf import MISSING


class OptimizerKind(Enum):
    rmsprop = 0
    adam = 1
    lamb = 3


@dataclass
class TrainSupervised:
    name: str = "supervised"
    optimizer: OptimizerKind = OptimizerKind.adam
    learning_rate: float = 0.001
    weight_decay: float = 5e-3
    loss_power: float = 1.0
    s2pmt_scaling: float = 1.0
    s2si_scaling: float = 10.0


@dataclass
class Config:
    mode: TrainSupervised = MISSING
    iterations: int = 500


cs = ConfigStore.instance()
cs.store(name="base_config", node=Config)
cs.store(group="mode", name="train_supervised", node=TrainSupervised)


def kernel_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] == "kernel" for k in flat})


def build_optimizer(config, params):
    opt_func_name = config.mode.optimizer.name
    base = getattr(optax, opt_func_name)(config.mode.learning_rate)
    optimizer = optax.chain(
        base,
        optax.add_decayed_weights(config.mode.weight_decay, mask=kernel_mask(params)),  # expect: WD302
    )
    opt_state = optimizer.init(params)
    return optimizer, opt_state


def close_over_training_step(config):

    @jit
    def compute_loss(simulated, real):
        difference = numpy.abs(simulated - real) ** config.mode.loss_power
        return numpy.sum(difference, axis=-1).mean()

    @jit
    def train_one_step(state, batch, rng_seeds):
        def loss_fn(params):
            simulated = state.apply_fn(params, batch["e_deps"], rngs=rng_seeds)
            loss = {key: vmap(compute_loss)(simulated[key], batch[key]).mean() for key in ["S2Si", "S2Pmt"]}
            metrics = {"loss/" + key: value for key, value in loss.items()}
            total = config.mode.s2pmt_scaling * loss["S2Pmt"] + config.mode.s2si_scaling * loss["S2Si"]
            return total, metrics

        (loss, metrics), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
        state = state.apply_gradients(grads=grads)
        return state, loss, metrics

    return train_one_step


@hydra.main(version_base=None, config_path="recipes", config_name="krypton")
def main(cfg):
    from diffsim.simulator import init_simulator
    from diffsim.dataloaders import build_dataloader
    from flax.training.train_state import TrainState

    simulator, params, rng_seeds = init_simulator(cfg)
    optimizer, _ = build_optimizer(cfg, params)
    state = TrainState.create(apply_fn=simulator.apply, params=params, tx=optimizer)
    train_step = close_over_training_step(cfg)
    for i, batch in zip(range(cfg.iterations), build_dataloader(cfg)):
        state, loss, metrics = train_step(state, batch, rng_seeds)
        if i % 10 == 0:
            print(i, float(loss))


if __name__ == "__main__":
    main()
