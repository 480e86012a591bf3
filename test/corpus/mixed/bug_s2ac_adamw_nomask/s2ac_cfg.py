# Idiom seen in: Hevagog/s2ac-jax src/agent/s2ac/s2ac_cfg.py
# Idiom seen in: Hevagog/s2ac-jax src/agent/s2ac/optimizers/adamw.py
# What it reproduces: skrl-style JAX agent whose AdamW wrapper builds optax.adamw (or a manual
#   scale_by_adam -> add_decayed_weights chain, lr applied in the step) with NO mask, so every
#   leaf of the critic/policy trees (biases, LayerNorm scales) is decayed. The real repo does this.

S2AC_DEFAULT_CONFIG = {
    "particles": 16,
    "svgd_steps": 5,
    "batch_size": 256,
    "discount": 0.99,
    "tau": 0.005,
    "actor_lr": 3e-4,
    "critic_lr": 1e-3,
    "grad_norm_clip": 10.0,
    "weight_decay": 1e-4,
    "twin_critics": True,
    "experiment": {"directory": "", "experiment_name": "", "write_interval": 250},
}
