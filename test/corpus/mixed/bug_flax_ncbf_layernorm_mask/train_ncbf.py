# Idiom seen in: MIT-REALM/pncbf src/pncbf/networks/optim.py (get_default_tx(lr, wd=1e-4) used by the trainers; the
#   trainer below is written here in that style for a value-function / neural CBF regression)
# What it reproduces: a flax TrainState for a LayerNorm MLP value network, a warmup-cosine schedule passed to
#   get_default_tx with the default wd, a jitted regression step on targets produced by a rollout module.
# label-note: no findings on this file; the finding (WD203) is on the adamw line of networks/optim.py.
import jax
import jax.numpy as jnp
from flax.training import train_state

from networks.mlp import ValueNet
from networks.optim import get_default_tx, lin_warmup_cos_decay
from dyn.segway import Segway, sample_states, rollout_max_h

CFG = dict(hid_sizes=(256, 256, 256), lr=3e-4, final_lr=1e-5, warmup_steps=1_000, total_steps=100_000, batch=4096)


def create_state(key, nx: int):
    net = ValueNet(CFG["hid_sizes"], use_layernorm=True)
    params = net.init(key, jnp.zeros((1, nx)))["params"]
    lr = lin_warmup_cos_decay(CFG["warmup_steps"], CFG["total_steps"], CFG["lr"], CFG["final_lr"])
    return train_state.TrainState.create(apply_fn=net.apply, params=params, tx=get_default_tx(lr))


@jax.jit
def update(state: train_state.TrainState, x, h_target):
    def loss_fn(params):
        h_pred = state.apply_fn({"params": params}, x)
        return jnp.mean((h_pred - h_target) ** 2)

    loss, grads = jax.value_and_grad(loss_fn)(state.params)
    return state.apply_gradients(grads=grads), loss


def main(seed: int = 0):
    task = Segway()
    key0, key = jax.random.split(jax.random.PRNGKey(seed))
    state = create_state(key0, task.nx)
    for step in range(CFG["total_steps"]):
        key, key_s = jax.random.split(key)
        x = sample_states(task, key_s, CFG["batch"])
        h_target = rollout_max_h(task, x)
        state, loss = update(state, x, h_target)
        if step % 1000 == 0:
            print(f"step {step:6d}  loss {float(loss):.4e}")


if __name__ == "__main__":
    main()
