# Idiom seen in: google/maxtext MaxText/optimizers.py
# What it reproduces: MaxText's get_optimizer(): opt_type "adamw" builds optax.adamw with the config's
# adam_weight_decay (0.1) and no mask, so the decay also hits every RMSNorm scale and the embedding table.

import optax


def get_optimizer(config, learning_rate_schedule):
  """create optimizer"""
  if config.opt_type == "adamw":
    # Create AdamW Optimizer following Llama2's training details, see https://arxiv.org/pdf/2307.09288.pdf section 2.2
    return optax.adamw(
        learning_rate_schedule,
        b1=config.adam_b1,
        b2=config.adam_b2,
        eps=config.adam_eps,
        eps_root=config.adam_eps_root,
        weight_decay=config.adam_weight_decay,  # expect: WD203
    )
  elif config.opt_type == "sgd":
    return optax.sgd(learning_rate_schedule)
  else:
    raise ValueError(f"{config.opt_type=} is not a supported.")
