# Idiom seen in: selimsef/dfdc_deepfake_challenge configs/b7.json
# Idiom seen in: selimsef/dfdc_deepfake_challenge training/tools/config.py
# What it reproduces: the training config (the repo keeps it as JSON; here as the dict load_config
# returns): SGD, momentum 0.9, weight_decay 1e-4, a separate classifier_lr.
DEFAULT_CONFIG = {
    "network": "DeepFakeClassifier",
    "encoder": "tf_efficientnet_b7_ns",
    "batches_per_epoch": 2500,
    "size": 380,
    "fp16": True,
    "optimizer": {
        "batch_size": 12,
        "type": "SGD",
        "momentum": 0.9,
        "weight_decay": 1e-4,
        "learning_rate": 0.01,
        "classifier_lr": 0.1,
        "nesterov": True,
        "schedule": {"type": "poly", "mode": "step", "epochs": 40, "params": {"max_iter": 100500}},
    },
}


def load_config(config_file=None, defaults=DEFAULT_CONFIG):
    return dict(defaults)
