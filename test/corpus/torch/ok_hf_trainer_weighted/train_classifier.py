# Idiom seen in: huggingface/transformers examples/pytorch/text-classification/run_glue.py
# What it reproduces: the training script that builds TrainingArguments(weight_decay=0.01) and the weighted
# Trainer; no hand-written L2 anywhere. Clean.
import argparse

import numpy as np
import torch
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, TrainingArguments

from weighted_trainer import WeightedLossTrainer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="bert-base-uncased")
    parser.add_argument("--train_file", default="data/train.csv")
    parser.add_argument("--output_dir", default="out/weighted")
    args = parser.parse_args()

    raw = load_dataset("csv", data_files={"train": args.train_file})
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    encoded = raw.map(lambda b: tokenizer(b["text"], truncation=True, padding="max_length", max_length=128),
                      batched=True)
    counts = np.bincount(np.array(raw["train"]["label"]))
    class_weights = torch.tensor(counts.sum() / (len(counts) * counts), dtype=torch.float)

    model = AutoModelForSequenceClassification.from_pretrained(args.model_name_or_path, num_labels=len(counts))
    training_args = TrainingArguments(
        output_dir=args.output_dir,
        learning_rate=3e-5,
        weight_decay=0.01,
        num_train_epochs=4,
        per_device_train_batch_size=16,
        warmup_steps=200,
        logging_steps=50,
    )
    trainer = WeightedLossTrainer(model=model, args=training_args, train_dataset=encoded["train"],
                                  tokenizer=tokenizer, class_weights=class_weights)
    trainer.train()


if __name__ == "__main__":
    main()
