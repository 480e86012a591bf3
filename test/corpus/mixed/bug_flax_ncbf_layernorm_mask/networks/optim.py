# Idiom seen in: MIT-REALM/pncbf src/pncbf/networks/optim.py
# What it reproduces: the Hugging Face Flax decay mask (`path[-1] != "bias" and path[-2:] != ("LayerNorm", "scale")`)
#   reused in a project whose LayerNorms are auto-named, plus adamw wrapped in apply_if_finite and built through
#   optax.inject_hyperparams(optim)(learning_rate=lr, wd=wd).
# label-note: with auto-named modules the path is ("MLP_0", "LayerNorm_0", "scale"), never ("LayerNorm", "scale"),
#   so every LayerNorm scale stays in the mask and is decayed (biases are excluded correctly): WD203 on the adamw
#   line, which holds weight_decay=. adamw is decoupled (no WD202).
import optax
from flax import traverse_util


def wd_mask(params):
    flat_params = traverse_util.flatten_dict(params)
    # Apply weight decay to all parameters except biases and LayerNorm scale and bias.
    flat_mask = {path: (path[-1] != "bias" and path[-2:] != ("LayerNorm", "scale")) for path in flat_params}
    return traverse_util.unflatten_dict(flat_mask)


def optim(learning_rate: float, wd: float):
    eps = 1e-5
    opt = optax.adamw(learning_rate, eps=eps, weight_decay=wd, mask=wd_mask)  # expect: WD203
    opt = optax.apply_if_finite(opt, 100)
    return opt


def get_default_tx(lr, wd=1e-4) -> optax.GradientTransformation:
    return optax.inject_hyperparams(optim)(learning_rate=lr, wd=wd)


def lin_warmup_cos_decay(warmup_steps: int, total_steps: int, lr: float, final_lr: float):
    return optax.warmup_cosine_decay_schedule(0.0, lr, warmup_steps, total_steps, end_value=final_lr)

