# Idiom seen in: google-deepmind/enn enn/supervised/sgd_experiment_legacy.py
# What it reproduces: ENN's supervised Experiment: value_and_grad of the (wrapped) loss, then
#   optimizer.update / optax.apply_updates with whatever optimizer the caller passes in.
import functools
from typing import NamedTuple, Tuple

import haiku as hk
import jax
import optax


class TrainingState(NamedTuple):
    params: hk.Params
    opt_state: optax.OptState


class Experiment:
    def __init__(self, enn, loss_fn, optimizer: optax.GradientTransformation, dataset, seed: int = 0,
                 train_log_freq: int = 100):
        self.enn = enn
        self.dataset = dataset
        self.rng = hk.PRNGSequence(seed)
        self._loss = jax.jit(functools.partial(loss_fn, self.enn))

        def sgd_step(state: TrainingState, batch, key) -> Tuple[TrainingState, dict]:
            (loss, metrics), grads = jax.value_and_grad(self._loss, has_aux=True)(state.params, batch, key)
            metrics.update({'loss': loss})
            updates, new_opt_state = optimizer.update(grads, state.opt_state, state.params)
            new_params = optax.apply_updates(state.params, updates)
            return TrainingState(params=new_params, opt_state=new_opt_state), metrics

        self._sgd_step = jax.jit(sgd_step)
        batch = next(self.dataset)
        index = self.enn.indexer(next(self.rng))
        params = self.enn.init(next(self.rng), batch.x, index)
        self.state = TrainingState(params, optimizer.init(params))
        self.step = 0
        self._train_log_freq = train_log_freq

    def train(self, num_batches: int):
        for _ in range(num_batches):
            self.step += 1
            self.state, loss_metrics = self._sgd_step(self.state, next(self.dataset), next(self.rng))
            if self.step % self._train_log_freq == 0:
                print({'step': self.step, **{k: float(v) for k, v in loss_metrics.items()}})
