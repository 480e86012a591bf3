# Idiom seen in: NobuoTsukamoto/jax_examples common/optimizer.py
# What it reproduces: optimizer factory driven by the config: optax.adamw with a flatten_dict decay mask (bias / LayerNorm / embeddings excluded), or SGD/RMSprop chained after optax.add_decayed_weights with the same mask. The factory itself is correct.
import optax
from absl import logging
from flax import traverse_util


def create_learning_rate_fn(config, steps_per_epoch):
    warmup_steps = int(config.warmup_epochs * steps_per_epoch)
    decay_steps = int(config.num_epochs * steps_per_epoch)
    return optax.warmup_cosine_decay_schedule(
        init_value=config.initial_learning_rate, peak_value=config.learning_rate,
        warmup_steps=warmup_steps, decay_steps=decay_steps, end_value=config.end_learning_rate)


def create_decay_mask_fn(exclude_layers):
    def decay_mask_fn(params):
        flat_params = traverse_util.flatten_dict(params)
        flat_mask = {}
        for path in flat_params:
            bias_mask = "bias" not in exclude_layers if path[-1] == "bias" else True
            other_mask = not any(ex in name for name in path[-2:]
                                 for ex in exclude_layers if ex != "bias")
            flat_mask[path] = bias_mask and other_mask
        return traverse_util.unflatten_dict(flat_mask)

    return decay_mask_fn


def create_optimizer(config, learning_rate_fn):
    logging.info("Optimizer: %s", config.optimizer)
    if config.optimizer == "adamw":
        tx = optax.adamw(
            learning_rate=learning_rate_fn,
            weight_decay=config.weight_decay,
            mask=create_decay_mask_fn(config.weight_decay_exclude_layers),
            eps=config.adam_epsilon,
        )
        return tx

    if config.optimizer == "rmsprop":
        tx = optax.rmsprop(learning_rate=learning_rate_fn, decay=0.9, momentum=config.momentum)
    else:
        tx = optax.sgd(learning_rate=learning_rate_fn, momentum=config.momentum, nesterov=True)

    if config.l2_weight_decay > 0.0:
        tx = optax.chain(
            optax.add_decayed_weights(
                weight_decay=config.l2_weight_decay * 0.5,
                mask=create_decay_mask_fn(config.weight_decay_exclude_layers),
            ),
            tx,
        )
    return tx
