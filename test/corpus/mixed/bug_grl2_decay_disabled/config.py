# Idiom seen in: xlnwel/grl2-jax jx/elements/optimizer.py
# Idiom seen in: xlnwel/grl2-jax algo/masac/elements/trainer.py
# What it reproduces: build_optimizer() guards optax.add_decayed_weights behind `if weight_decay:`, but
#   every config hands it weight_decay=0 or None (as all of the repo configs do), so the decay is dead code.
# Python copy of distributed/sync/configs/matrix.yaml (trainer section)
trainer = dict(
    policy_opt=dict(
        opt_name="adam",
        lr=3e-4,
        clip_norm=10,
        weight_decay=0,
        eps=1e-5,
    ),
    value_opt=dict(
        opt_name="adam",
        lr=1e-3,
        clip_norm=10,
        weight_decay=None,
        eps=1e-5,
    ),
    n_epochs=1,
    n_mbs=1,
)
