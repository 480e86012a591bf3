# Idiom seen in: zsqdx/katago-transformer-tpu-nano train_jax.py
# What it reproduces: the parameter tree of the JAX KataGo prototype ("w"/"b" leaves, "norm"
#   scopes); the training script adds a hand-written L2 over every leaf while optax.adamw
#   already decays the same tree (double decay).
import jax
import jax.numpy as jnp


def init_params(key, config, pos_len, init_std=0.02):
    d = config["hidden_size"]
    ff = config["ffn_dim"]
    keys = jax.random.split(key, 4 + config["num_layers"])
    params = {
        "stem": {"w": jax.random.normal(keys[0], (config["in_channels"], d)) * init_std,
                 "b": jnp.zeros((d,))},
        "blocks": [],
        "final_norm": {"scale": jnp.ones((d,)), "bias": jnp.zeros((d,))},
        "policy": {"w": jax.random.normal(keys[1], (d, 6)) * init_std, "b": jnp.zeros((6,))},
        "value": {"w": jax.random.normal(keys[2], (d, 3)) * init_std, "b": jnp.zeros((3,))},
    }
    for i in range(config["num_layers"]):
        k1, k2 = jax.random.split(keys[4 + i])
        params["blocks"].append({
            "norm": {"scale": jnp.ones((d,)), "bias": jnp.zeros((d,))},
            "ffn_in": {"w": jax.random.normal(k1, (d, ff)) * init_std, "b": jnp.zeros((ff,))},
            "ffn_out": {"w": jax.random.normal(k2, (ff, d)) * init_std, "b": jnp.zeros((d,))},
        })
    return params


def _layer_norm(x, p):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / jnp.sqrt(var + 1e-5) * p["scale"] + p["bias"]


def forward(params, x):
    h = x @ params["stem"]["w"] + params["stem"]["b"]
    for blk in params["blocks"]:
        y = _layer_norm(h, blk["norm"])
        y = jax.nn.gelu(y @ blk["ffn_in"]["w"] + blk["ffn_in"]["b"])
        h = h + y @ blk["ffn_out"]["w"] + blk["ffn_out"]["b"]
    h = _layer_norm(h, params["final_norm"]).mean(axis=1)
    return h @ params["policy"]["w"] + params["policy"]["b"], h @ params["value"]["w"] + params["value"]["b"]
