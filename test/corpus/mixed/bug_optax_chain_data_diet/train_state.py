# Idiom seen in: SidRedPat/data_diet_noisy_260d data_diet/train_state.py (create_train_state(args, model) with optax.chain(optax.add_decayed_weights(args.weight_decay), optax.sgd(...)); port of mansheej/data_diet's flax.optim.Momentum(weight_decay=...))
# What it reproduces: add_decayed_weights without a mask decays every leaf of params, BatchNorm scale/bias and the classifier bias included (WD203). lr*wd = 0.1*5e-4, fine.
from typing import Any

import jax.numpy as jnp
import optax
from flax.struct import dataclass
from flax.training import checkpoints
from jax import random


@dataclass
class TrainState:
    step: int
    params: Any
    opt_state: Any
    model_state: Any


def create_train_state(args, model):
    key, input_shape = random.PRNGKey(args.model_seed), (1, *args.image_shape)
    init_vars = model.init(key, jnp.ones(input_shape))
    params = init_vars['params']
    model_state = {k: v for k, v in init_vars.items() if k != 'params'}

    tx = optax.chain(
        optax.add_decayed_weights(args.weight_decay),  # expect: WD203
        optax.sgd(learning_rate=args.lr, momentum=args.beta, nesterov=args.nesterov),
    )
    opt_state = tx.init(params)
    state = TrainState(step=0, params=params, opt_state=opt_state, model_state=model_state)
    return state, tx


def get_train_state(args, model):
    state, tx = create_train_state(args, model)
    if args.load_dir:
        state = checkpoints.restore_checkpoint(args.load_dir + '/ckpts', state, args.ckpt)
    return state, tx, args
