# Idiom seen in: EricBoittier/JaxPycharmm src/optimizer.py
# What it reproduces: a module-level optax chain (clip_by_global_norm, amsgrad with a warmup-exponential
#   schedule) plus a reduce_on_plateau transform, imported by the training script. Realistic mistake in that
#   idiom (the repository has no decay): the user appends optax.add_decayed_weights AFTER amsgrad, i.e. after
#   the step has been scaled by -lr, so +wd*w is added to the update: the weights grow by (1 + wd) each step
#   (WD302); the decay has no mask, so it applies to every leaf, biases included (WD203).
import optax
import optax.contrib

learning_rate = 0.01
weight_decay = 1e-4

schedule_fn = optax.schedules.warmup_exponential_decay_schedule(
    init_value=learning_rate,
    peak_value=learning_rate * 1.05,
    warmup_steps=10,
    transition_steps=10,
    decay_rate=0.999,
)
optimizer = optax.chain(
    optax.clip_by_global_norm(1000.0),
    optax.amsgrad(learning_rate=schedule_fn, b1=0.9, b2=0.99, eps=1e-6),
    optax.add_decayed_weights(weight_decay),  # expect: WD302, WD203
)
transform = optax.contrib.reduce_on_plateau(
    patience=5,
    cooldown=5,
    factor=0.99,
    rtol=1e-4,
    accumulation_size=5,
    min_scale=0.01,
)
