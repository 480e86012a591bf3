# Idiom seen in: iusztinpaul/hands-on-llms modules/training_pipeline/tools/train_run.py,
# training_pipeline/api/training.py
# What it reproduces: the entry point reading the YAML through TrainingConfig, a sequence-classification
# checkpoint, datasets from a module this folder lacks, and transformers.Trainer building its own optimizer.
# label-note: clean (see training_pipeline/configs.py).
import argparse
from pathlib import Path

from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer

from training_pipeline.configs import TrainingConfig
from training_pipeline.data import load_splits
from training_pipeline.metrics import compute_metrics


def train(config_file: str, output_dir: str) -> None:
    config = TrainingConfig.from_yaml(Path(config_file), Path(output_dir))
    tokenizer = AutoTokenizer.from_pretrained(config.model["id"])
    model = AutoModelForSequenceClassification.from_pretrained(
        config.model["id"], num_labels=config.model["num_labels"])
    train_dataset, eval_dataset = load_splits(config.setup["dataset"], tokenizer, config.model["max_seq_length"])

    trainer = Trainer(
        model=model,
        args=config.training,
        train_dataset=train_dataset,
        eval_dataset=eval_dataset,
        tokenizer=tokenizer,
        compute_metrics=compute_metrics,
    )
    trainer.train()
    trainer.save_model(output_dir)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config_file", default="configs/training_config.yaml")
    parser.add_argument("--output_dir", default="./output")
    args = parser.parse_args()
    train(args.config_file, args.output_dir)
