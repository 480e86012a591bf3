# Idiom seen in: dchartash/n2c2_2022 trainer.py
# Idiom seen in: dchartash/n2c2_2022 train_utils/custom_trainer.py
# What it reproduces: the hydra entry point that loads a BERT sequence classifier, tokenizes the n2c2 assessment/plan
#   pairs and trains with CustomTrainer; TrainingArguments(weight_decay=0.01) makes the Trainer's AdamW decay all weight
#   matrices while compute_loss adds its own L2 on the same parameters.
from functools import partial

import hydra
import torch
from datasets import load_dataset
from omegaconf import DictConfig
from transformers import AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding, TrainingArguments

from custom_trainer import CustomTrainer
from train_utils.metrics import compute_metrics


def tokenize_function(examples, tokenizer):
    return tokenizer(examples["Assessment"], examples["Plan Subsection"], truncation=True, max_length=512)


@hydra.main(config_path="conf/", config_name="config")
def main(cfg: DictConfig) -> None:
    tokenizer = AutoTokenizer.from_pretrained(cfg.model.model_name)
    model = AutoModelForSequenceClassification.from_pretrained(cfg.model.model_name, num_labels=4)

    dataset = load_dataset("csv", data_files={"train": cfg.data.n2c2_data_dir + "train.csv",
                                              "valid": cfg.data.n2c2_data_dir + "dev.csv"})
    dataset = dataset.class_encode_column("Relation").rename_column("Relation", "label")
    dataset = dataset.map(partial(tokenize_function, tokenizer=tokenizer), batched=True)

    training_args = TrainingArguments(output_dir="test_trainer",
                                      evaluation_strategy="epoch",
                                      num_train_epochs=cfg.train.epochs,
                                      per_device_train_batch_size=4,
                                      learning_rate=2e-5,
                                      weight_decay=0.01,
                                      )
    data_collator = DataCollatorWithPadding(tokenizer, max_length=512, padding="max_length", return_tensors="pt")
    trainer = CustomTrainer(
        model=model,
        args=training_args,
        train_dataset=dataset["train"],
        eval_dataset=dataset["valid"],
        compute_metrics=compute_metrics,
        data_collator=data_collator,
        l2_lambda=1e-5,
    )
    trainer.train()


if __name__ == "__main__":
    main()
