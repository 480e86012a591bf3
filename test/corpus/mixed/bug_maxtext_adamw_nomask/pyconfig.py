# Idiom seen in: google/maxtext MaxText/pyconfig.py
# Idiom seen in: google/maxtext MaxText/configs/base.yml
# What it reproduces: MaxText's config object (base.yml defaults overridden by key=value command-line pairs);
# opt_type "adamw" with adam_weight_decay 0.1 selects the decayed optimizer built in optimizers.py.

import sys

_BASE_CONFIG = {
    "run_name": "",
    "steps": 150_001,
    "learning_rate": 3.0e-5,
    "cosine_learning_rate_final_fraction": 0.1,
    "warmup_steps_fraction": 0.1,
    "learning_rate_schedule_steps": -1,
    # AdamW optimizer parameters, following Llama2's training details
    "opt_type": "adamw",  # one of "adam_pax", "adamw" or "sgd"
    "adam_b1": 0.9,
    "adam_b2": 0.95,
    "adam_eps": 1.0e-8,
    "adam_eps_root": 0.0,
    "adam_weight_decay": 0.1,
    "gradient_clipping_threshold": 1.0,
    "emb_dim": 2048,
    "mlp_dim": 7168,
    "num_decoder_layers": 16,
    "vocab_size": 32_000,
    "per_device_batch_size": 12,
    "max_target_length": 2048,
    "dataset_path": "",
}


class HyperParameters:
  """Read-only view over the merged config."""

  def __init__(self, values):
    object.__setattr__(self, "_values", dict(values))

  def __getattr__(self, name):
    try:
      return self._values[name]
    except KeyError as e:
      raise AttributeError(name) from e

  def __setattr__(self, name, value):
    raise ValueError("Reinitialization of config is not allowed")


def _coerce(old, raw):
  if isinstance(old, bool):
    return raw.lower() in ("1", "true", "yes")
  return type(old)(raw)


def initialize(argv):
  values = dict(_BASE_CONFIG)
  for arg in argv[1:]:
    if "=" not in arg:
      continue
    key, raw = arg.split("=", 1)
    if key not in values:
      raise ValueError(f"Unknown config key {key}")
    values[key] = _coerce(values[key], raw)
  if values["learning_rate_schedule_steps"] == -1:
    values["learning_rate_schedule_steps"] = values["steps"]
  return HyperParameters(values)


config = None

if __name__ == "__main__":
  print(initialize(sys.argv)._values)
