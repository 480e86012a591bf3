# Idiom seen in: NobuoTsukamoto/jax_examples classification/configs/vit.py and configs/default.py
# What it reproduces: an ml_collections config for AdamW with a decay mask list; the hand-written l2_weight_decay knob inherited from the SGD default config is left at 1e-4 instead of being zeroed for AdamW.
import ml_collections


def get_config():
    config = ml_collections.ConfigDict()
    config.model = "ViT_Ti16"
    config.image_size = 224
    config.dataset = "imagenette/full-size-v2:1.*.*"
    config.num_classes = 10

    config.optimizer = "adamw"
    config.optimizer_schedule = "warmup_cosine_decay"
    config.learning_rate = 0.001
    config.initial_learning_rate = 0.0
    config.end_learning_rate = 1e-5
    config.warmup_epochs = 5.0
    config.num_epochs = 100.0
    config.momentum = 0.9
    config.adam_epsilon = 1e-8
    config.weight_decay = 0.05
    config.l2_weight_decay = 0.0001
    config.weight_decay_exclude_layers = ["bias", "LayerNorm", "pos_embedding", "cls"]

    config.batch_size = 128
    config.label_smoothing = 0.1
    config.log_every_steps = 100
    return config
