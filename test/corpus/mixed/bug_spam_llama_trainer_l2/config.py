# Idiom seen in: Kasyfil97/indo-spam-chatbot config/config.yaml
# Idiom seen in: Kasyfil97/indo-spam-chatbot trainer/trainer.py
# What it reproduces: the run configuration of an Indonesian spam classifier (Llama + score head); it sets both
#   the Trainer's weight_decay and an l2_lambda that the custom trainer adds to the loss (see custom_trainer.py).

MODEL_CONFIG = {
    "base_model": "meta-llama/Llama-3.2-1B",
    "max_len": 256,
    "num_labels": 2,
    "score_layer_to_unfreeze": True,
    "num_last_block_to_unfreeze": 2,
}

TRAINING_CONFIG = {
    "output_dir": "outputs/indo-spam-llama",
    "learning_rate": 2e-5,
    "per_device_train_batch_size": 8,
    "per_device_eval_batch_size": 8,
    "num_train_epochs": 3,
    "weight_decay": 0.01,
    "l2_lambda": 1e-4,
    "logging_strategy": "steps",
    "eval_strategy": "epoch",
    "save_strategy": "epoch",
    "load_best_model_at_end": True,
    "optim": "adamw_torch",
    "report_to": "wandb",
    "save_limit": 2,
}
