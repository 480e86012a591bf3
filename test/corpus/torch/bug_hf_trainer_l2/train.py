# Idiom seen in: gatmiry/sandbox2225-T4 mytests/customtrainer.py
# What it reproduces: a transformers Trainer subclass whose compute_loss adds l2_lambda * sum of squared
#   parameters of its model argument (a mistake users make in this idiom), while TrainingArguments(weight_decay=0.01)
#   makes the Trainer's own AdamW decay the same weights: double decay.
import argparse

from datasets import load_dataset
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, TrainingArguments)

from customtrainer import CustomTrainer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name', default='bert-base-uncased')
    parser.add_argument('--output_dir', default='./results')
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    model = AutoModelForSequenceClassification.from_pretrained(args.model_name, num_labels=2)
    raw = load_dataset('glue', 'sst2')
    tokenized = raw.map(lambda b: tokenizer(b['sentence'], truncation=True), batched=True)

    training_args = TrainingArguments(
        output_dir=args.output_dir,
        learning_rate=2e-5,
        per_device_train_batch_size=32,
        num_train_epochs=3,
        weight_decay=0.01,
        logging_steps=100,
    )
    trainer = CustomTrainer(
        model=model,
        args=training_args,
        train_dataset=tokenized['train'],
        eval_dataset=tokenized['validation'],
        data_collator=DataCollatorWithPadding(tokenizer),
        l2_lambda=1e-4,
    )
    trainer.train()


if __name__ == '__main__':
    main()
