# Idiom seen in: iusztinpaul/hands-on-llms modules/training_pipeline/training_pipeline/configs.py
# What it reproduces: `TrainingConfig.from_yaml`: load the YAML, rebuild `training` as TrainingArguments
# (weight_decay 0.01, optim adamw_torch), keep `model`/`setup` as dicts.
# label-note: clean. The decay is handed to the Hugging Face Trainer, whose own optimizer builder uses
# decoupled AdamW and leaves biases and LayerNorm weights out of the decayed group; no explicit penalty.
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict

import yaml
from transformers import TrainingArguments


def load_yaml(path: Path) -> dict:
    with path.open("r") as f:
        return yaml.safe_load(f)


@dataclass
class TrainingConfig:
    training: TrainingArguments
    model: Dict[str, Any]
    setup: Dict[str, Any]

    @classmethod
    def from_yaml(cls, config_path: Path, output_dir: Path) -> "TrainingConfig":
        config = load_yaml(config_path)
        config["training"] = cls._dict_to_training_arguments(config["training"], output_dir)
        return cls(**config)

    @classmethod
    def _dict_to_training_arguments(cls, training_config: dict, output_dir: Path) -> TrainingArguments:
        return TrainingArguments(
            output_dir=str(output_dir),
            logging_dir=str(output_dir / "logs"),
            per_device_train_batch_size=training_config["per_device_train_batch_size"],
            gradient_accumulation_steps=training_config["gradient_accumulation_steps"],
            per_device_eval_batch_size=training_config["per_device_eval_batch_size"],
            optim=training_config["optim"],
            learning_rate=training_config["learning_rate"],
            weight_decay=training_config["weight_decay"],
            warmup_ratio=training_config["warmup_ratio"],
            lr_scheduler_type=training_config["lr_scheduler_type"],
            num_train_epochs=training_config["num_train_epochs"],
            max_grad_norm=training_config["max_grad_norm"],
            evaluation_strategy=training_config["evaluation_strategy"],
            save_strategy=training_config["save_strategy"],
            logging_steps=training_config["logging_steps"],
            fp16=training_config["fp16"],
            seed=training_config["seed"],
            load_best_model_at_end=training_config["load_best_model_at_end"],
            report_to=training_config["report_to"],
        )
