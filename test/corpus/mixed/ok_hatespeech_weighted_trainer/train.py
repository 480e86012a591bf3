# Idiom seen in: DrishtiShrrrma/multiclass-classification-transfromer-model-comparison src/hate_speech_eval/train.py
# Idiom seen in: DrishtiShrrrma/multiclass-classification-transfromer-model-comparison src/hate_speech_eval/trainer.py
# What it reproduces: three-class hate/offensive/neither fine-tuning with TrainingArguments(weight_decay=...);
#   the Trainer's own AdamW decays the weight matrices only and nothing else adds a penalty: clean.
import argparse
import os

import torch
from transformers import AutoModelForSequenceClassification, TrainingArguments

from data import DataConfig, load_dataset, tokenize_dataset
from metrics import compute_metrics
from trainer import CustomTrainer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model_name", default="roberta-base")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch_size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--weight_decay", type=float, default=0.01)
    ap.add_argument("--max_length", type=int, default=114)
    ap.add_argument("--data", default="data/merged_dataset.csv")
    ap.add_argument("--out", default="runs/roberta-base")
    args = ap.parse_args()

    dcfg = DataConfig(path=args.data, max_length=args.max_length)
    ds = load_dataset(dcfg.path)
    dsd = ds.train_test_split(test_size=0.2, seed=42)
    dsd, tok = tokenize_dataset(dsd, args.model_name, dcfg.max_length)

    y = dsd["train"]["labels"]
    counts = [sum(int(v == c) for v in y) for c in range(3)]
    total = sum(counts)
    cw = torch.tensor([total / n for n in counts], dtype=torch.float32)
    cw = cw / cw.sum()

    model = AutoModelForSequenceClassification.from_pretrained(args.model_name, num_labels=3)

    os.makedirs(args.out, exist_ok=True)
    targs = TrainingArguments(
        output_dir=args.out,
        learning_rate=args.lr,
        weight_decay=args.weight_decay,
        num_train_epochs=args.epochs,
        per_device_train_batch_size=args.batch_size,
        per_device_eval_batch_size=args.batch_size,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        report_to="none",
        logging_steps=50,
    )

    trainer = CustomTrainer(
        model=model,
        args=targs,
        train_dataset=dsd["train"],
        eval_dataset=dsd["test"],
        tokenizer=tok,
        compute_metrics=compute_metrics,
        class_weights=cw,
    )
    trainer.train()
    print(trainer.evaluate())


if __name__ == "__main__":
    main()
