# Idiom seen in: alexisiddiqui/JAX-ENT jaxent/src/opt/optimiser.py
# What it reproduces: optax.multi_transform with one clipped chain per parameter partition; the network
#   partition uses adamw with a mask that keeps biases out, frame weights use plain adam. Clean.
import jax
import jax.numpy as jnp
import optax

from ensemble_io import load_frames, load_targets

CONFIG = {"learning_rate": 3e-4, "weight_decay": 1e-2, "clip_value": 1.0, "steps": 500}


def param_labels(params):
    return {k: ("frame" if k == "frame_weights" else "model") for k in params}


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def build_optimiser(cfg):
    frame_chain = optax.chain(optax.clip(cfg["clip_value"]), optax.adam(cfg["learning_rate"]))
    model_chain = optax.chain(
        optax.clip(cfg["clip_value"]),
        optax.adamw(cfg["learning_rate"], weight_decay=cfg["weight_decay"], mask=kernel_mask),
    )
    return optax.multi_transform({"frame": frame_chain, "model": model_chain}, param_labels)


def predict(params, frames):
    w = jax.nn.softmax(params["frame_weights"])
    feats = jnp.tanh(frames @ params["forward_model"]["kernel"] + params["forward_model"]["bias"])
    return jnp.einsum("f,fd->d", w, feats)


def loss_fn(params, frames, target):
    return jnp.mean((predict(params, frames) - target) ** 2)


def main():
    frames, target = load_frames(), load_targets()
    key = jax.random.PRNGKey(1)
    params = {
        "frame_weights": jnp.zeros(frames.shape[0]),
        "forward_model": {"kernel": jax.random.normal(key, (frames.shape[1], target.shape[0])) * 0.01,
                          "bias": jnp.zeros(target.shape[0])},
    }
    tx = build_optimiser(CONFIG)
    opt_state = tx.init(params)

    @jax.jit
    def step(params, opt_state):
        loss, grads = jax.value_and_grad(loss_fn)(params, frames, target)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for i in range(CONFIG["steps"]):
        params, opt_state, loss = step(params, opt_state)
    print("final loss", float(loss))


if __name__ == "__main__":
    main()
