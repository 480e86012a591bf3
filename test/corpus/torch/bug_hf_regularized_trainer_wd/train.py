# Idiom seen in: repository not resolved by the code index (index file id 15454087658); the Hugging Face
#   text-classification recipe (TrainingArguments with weight_decay=0.01, AutoModelForSequenceClassification)
# What it reproduces: the recipe's TrainingArguments kept as they were (weight_decay=0.01, the library's AdamW)
#   while the RegularizedTrainer is switched on with the "l2" reg_fn and reg_coeff from argparse.
# label-note: no labels in this file: the optimizer decay is configured here, but the WD201 placement rule
#   puts the double-decay finding on the explicit penalty (regularizers.py). The library optimizer groups
#   exclude biases and LayerNorm weights from decay, so no WD203; AdamW, so no WD202.
import argparse

from transformers import AutoModelForSequenceClassification, AutoTokenizer, TrainingArguments

from data_utils import load_glue_task  # not part of this program
from reg_trainer import RegularizedTrainer
from regularizers import REGULARIZERS


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name", default="bert-base-uncased")
    parser.add_argument("--task", default="sst2")
    parser.add_argument("--reg", default="l2", choices=sorted(REGULARIZERS))
    parser.add_argument("--reg_coeff", type=float, default=1e-4)
    parser.add_argument("--output_dir", default="out")
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    model = AutoModelForSequenceClassification.from_pretrained(args.model_name, num_labels=2)
    train_ds, eval_ds = load_glue_task(args.task, tokenizer)

    training_args = TrainingArguments(
        output_dir=args.output_dir,
        learning_rate=2e-5,
        per_device_train_batch_size=32,
        num_train_epochs=3,
        weight_decay=0.01,
        warmup_ratio=0.06,
        eval_strategy="epoch",
    )
    trainer = RegularizedTrainer(
        model=model,
        args=training_args,
        train_dataset=train_ds,
        eval_dataset=eval_ds,
        tokenizer=tokenizer,
        regularized=True,
        reg_fn=REGULARIZERS[args.reg],
        reg_coeff=args.reg_coeff,
    )
    trainer.train()


if __name__ == "__main__":
    main()
