# Idiom seen in: riccardogibello/HLPD experiments (training script using HfArgumentParser dataclasses)
# What it reproduces: HfArgumentParser over TrainingArguments plus a project DataTrainingArguments dataclass holding optim_weight_decay; the model and optimizer are built, then a manual loop with gradient clipping minimizes the model's own loss. Decay comes only from the grouped AdamW in optim.py. Clean.
from dataclasses import dataclass, field

import torch
from transformers import AutoModelForSequenceClassification, HfArgumentParser, TrainingArguments

from optim import get_optimizer, get_lr_scheduler
from data import load_splits


@dataclass
class DataTrainingArguments:
    dataset_name: str = field(default="ecthr_a")
    max_seq_length: int = field(default=512)
    optim_weight_decay: float = field(default=0.01)
    optim_warmup_steps: int = field(default=1000)
    optim_total_steps: int = field(default=20000)
    optim_final_cosine: float = field(default=0.0)


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="bert-base-uncased")
    num_labels: int = field(default=10)


def main():
    parser = HfArgumentParser((ModelArguments, DataTrainingArguments, TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()

    model = AutoModelForSequenceClassification.from_pretrained(
        model_args.model_name_or_path, num_labels=model_args.num_labels,
        problem_type="multi_label_classification")
    device = training_args.device
    model.to(device)

    train_loader, _ = load_splits(data_args, training_args.per_device_train_batch_size)
    optimizer = get_optimizer(model, training_args, data_args)
    scheduler = get_lr_scheduler(optimizer, data_args)

    step = 0
    model.train()
    while step < data_args.optim_total_steps:
        for batch in train_loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            outputs = model(**batch)
            loss = outputs.loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), training_args.max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step % training_args.logging_steps == 0:
                print("step %d loss %.4f" % (step, loss.item()))
            if step >= data_args.optim_total_steps:
                break


if __name__ == "__main__":
    main()
