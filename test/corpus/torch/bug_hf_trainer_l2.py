# Idiom seen in: huggingface/transformers src/transformers/trainer.py (Trainer.compute_loss override)
# Idiom seen in: tloen/alpaca-lora finetune.py
# What it reproduces: a user subclasses transformers.Trainer and adds an explicit L2 penalty on all of the
# model's parameters in compute_loss, while TrainingArguments(weight_decay=0.01) already makes the Trainer's
# own AdamW decay the same weights: double decay (user mistake in the Trainer idiom; WD201 at the penalty).
import argparse

import torch
from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding, Trainer,
                          TrainingArguments)


class L2Trainer(Trainer):
    def __init__(self, *args, l2_lambda=1e-4, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        logits = outputs.logits
        ce = torch.nn.functional.cross_entropy(logits.view(-1, model.config.num_labels), labels.view(-1))
        l2 = sum(p.pow(2).sum() for p in model.parameters() if p.requires_grad)  # expect: WD201
        loss = ce + self.l2_lambda * l2
        return (loss, outputs) if return_outputs else loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name", default="roberta-base")
    parser.add_argument("--output_dir", default="out/sst2-l2")
    parser.add_argument("--l2_lambda", type=float, default=1e-4)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    model = AutoModelForSequenceClassification.from_pretrained(args.model_name, num_labels=2)
    raw = load_dataset("glue", "sst2")
    encoded = raw.map(lambda ex: tokenizer(ex["sentence"], truncation=True, max_length=128), batched=True)
    encoded = encoded.rename_column("label", "labels")

    training_args = TrainingArguments(
        output_dir=args.output_dir,
        learning_rate=2e-5,
        per_device_train_batch_size=32,
        num_train_epochs=3,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        logging_steps=50,
    )
    trainer = L2Trainer(
        model=model,
        args=training_args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        l2_lambda=args.l2_lambda,
    )
    trainer.train()


if __name__ == "__main__":
    main()
