# Idiom seen in: DrJupiter/SDE-DATA-GENERATION optimizer/optimizers.py
# Idiom seen in: DrJupiter/SDE-DATA-GENERATION main.py
# What it reproduces: the run configuration (a plain dict here instead of the repo's Hydra YAML); it switches the
#   optimizer's weight decay off with 0.0, the only value any call gives the guarded decay branch.

CONFIG = {
    "model": {"name": "ddpm_unet", "channels": 64},
    "optimizer": {
        "name": "adam",
        "learning_rate": 2e-4,
        "weight_decay": 0.0,
        "clip": 1.0,
    },
    "train": {"batch_size": 64, "steps": 200_000, "seed": 0},
}
