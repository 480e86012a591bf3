# Idiom seen in: timityjoe/MADT madt_model_functions.py
# Idiom seen in: timityjoe/MADT madt_transformer.py
# What it reproduces: the haiku Multi-Game Decision Transformer (hk.transform_with_state) fine-tuned with optax.adamw
#   masked by hk.data_structures.map so only hk.Linear/Conv2D 'w' leaves decay (norms, biases, embeddings left out);
#   no penalty in the loss. Clean.
import functools
import pickle

import haiku as hk
import jax
import jax.numpy as jnp
import optax

from madt_transformer import DecisionTransformer
from atari.madt_atari_env import ATARI_NUM_ACTIONS, ATARI_NUM_REWARDS, ATARI_RETURN_RANGE
from atari.dataset import load_episodes

LEARNING_RATE = 1e-4
WEIGHT_DECAY = 1e-2
TOTAL_STEPS = 100_000


def model_fn(datapoint, is_training=False):
    model = DecisionTransformer(
        num_actions=ATARI_NUM_ACTIONS,
        num_rewards=ATARI_NUM_REWARDS,
        return_range=ATARI_RETURN_RANGE,
        d_model=1280,
        num_layers=10,
        dropout_rate=0.1,
        predict_reward=True,
        single_return_token=True,
        conv_dim=256,
    )
    return model(datapoint, is_training)


model_fn = hk.transform_with_state(model_fn)

with open("checkpoint_38274228.pkl", "rb") as f:
    model_params, model_state = pickle.load(f)

decay_mask = functools.partial(hk.data_structures.map, lambda module_name, name, value: name == "w")
schedule = optax.warmup_cosine_decay_schedule(0.0, LEARNING_RATE, 2_000, TOTAL_STEPS)
optimizer = optax.chain(
    optax.clip_by_global_norm(1.0),
    optax.adamw(schedule, b1=0.9, b2=0.95, weight_decay=WEIGHT_DECAY, mask=decay_mask),
)
opt_state = optimizer.init(model_params)


def loss_fn(params, state, rng, batch):
    result, state = model_fn.apply(params, state, rng, batch, is_training=True)
    action_logits = result["action_logits"]
    labels = jax.nn.one_hot(batch["actions"], ATARI_NUM_ACTIONS)
    loss = optax.softmax_cross_entropy(action_logits, labels).mean()
    return loss, state


@jax.jit
def update(params, state, opt_state, rng, batch):
    (loss, state), grads = jax.value_and_grad(loss_fn, has_aux=True)(params, state, rng, batch)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    return params, state, opt_state, loss


rng = jax.random.PRNGKey(0)
for step, batch in enumerate(load_episodes("Breakout", sequence_length=39, batch_size=32)):
    rng, step_rng = jax.random.split(rng)
    model_params, model_state, opt_state, loss = update(model_params, model_state, opt_state, step_rng, batch)
    if step % 500 == 0:
        print(f"step {step}: loss {float(loss):.4f}")
    if step >= TOTAL_STEPS:
        break

with open("madt_breakout_ft.pkl", "wb") as f:
    pickle.dump((model_params, model_state), f)
