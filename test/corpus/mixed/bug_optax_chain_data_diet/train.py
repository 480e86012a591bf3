# Idiom seen in: SidRedPat/data_diet_noisy_260d data_diet/train.py (get_loss_fn(f_train), jit(value_and_grad(..., has_aux=True)), tx.update(gradients, state.opt_state, state.params) outside jit)
# What it reproduces: the loss is plain cross entropy (no penalty), decay comes only from the optax chain in train_state.py (WD203 labelled there).
import flax.linen as nn
import jax.numpy as jnp
import optax
from flax.training import checkpoints
from jax import jit, value_and_grad

from data import load_data, train_batches  # not in this folder
from models import get_apply_fn_train, get_model
from train_state import TrainState, get_train_state


def cross_entropy_loss(logits, labels):
    one_hot = jnp.eye(logits.shape[-1])[labels]
    return -jnp.mean(jnp.sum(one_hot * nn.log_softmax(logits), axis=-1))


def get_loss_fn(f_train):
    def loss_fn(params, model_state, x, y):
        logits, new_model_state = f_train(params, model_state, x)
        loss = cross_entropy_loss(logits, y)
        acc = jnp.mean(jnp.argmax(logits, -1) == y)
        return loss, (acc, new_model_state)
    return loss_fn


def train(args):
    I_train, X_train, Y_train, X_test, Y_test, args = load_data(args)
    model = get_model(args)
    state, tx, args = get_train_state(args, model)
    grad_fn = jit(value_and_grad(get_loss_fn(get_apply_fn_train(model)), has_aux=True))

    for t, idxs, x, y in train_batches(I_train, X_train, Y_train, args):
        (loss, (acc, new_model_state)), grads = grad_fn(state.params, state.model_state, x, y)
        updates, new_opt_state = tx.update(grads, state.opt_state, state.params)
        new_params = optax.apply_updates(state.params, updates)
        state = TrainState(step=state.step + 1, params=new_params,
                           opt_state=new_opt_state, model_state=new_model_state)
        if t % args.log_steps == 0:
            print(f'step {t}: loss {float(loss):.4f}, acc {float(acc):.4f}')
            checkpoints.save_checkpoint(args.save_dir + '/ckpts', state, step=t)
