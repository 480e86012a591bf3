# Idiom seen in: dchartash/n2c2_2022 train_utils/custom_trainer.py
# Idiom seen in: dchartash/n2c2_2022 trainer.py
# What it reproduces: a transformers Trainer subclass whose compute_loss is a class-weighted cross entropy, trained with
#   TrainingArguments(weight_decay=0.01): the Trainer's AdamW applies decoupled decay and leaves biases and LayerNorm
#   weights out of it. Clean: one decay mechanism, no coupled L2, no decay on biases/norms.
from functools import partial

import torch
from datasets import load_dataset
from torch import nn
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding, Trainer,
                          TrainingArguments)


class CustomTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.get("labels")
        outputs = model(**inputs)
        logits = outputs.get("logits")
        loss_fct = nn.CrossEntropyLoss(weight=torch.tensor([2.1, 1.7, 1.5, 2.9]).to(logits.device))
        loss = loss_fct(logits.view(-1, self.model.config.num_labels), labels.view(-1))
        return (loss, outputs) if return_outputs else loss


def tokenize_function(examples, tokenizer):
    return tokenizer(examples["Assessment"], examples["Plan Subsection"], truncation=True, max_length=512)


def main(model_name="emilyalsentzer/Bio_ClinicalBERT", data_dir="data/n2c2/"):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForSequenceClassification.from_pretrained(model_name, num_labels=4)
    dataset = load_dataset("csv", data_files={"train": data_dir + "train.csv", "valid": data_dir + "dev.csv"})
    dataset = dataset.class_encode_column("Relation").rename_column("Relation", "label")
    dataset = dataset.map(partial(tokenize_function, tokenizer=tokenizer), batched=True)

    training_args = TrainingArguments(output_dir="test_trainer",
                                      evaluation_strategy="epoch",
                                      num_train_epochs=5,
                                      per_device_train_batch_size=4,
                                      learning_rate=2e-5,
                                      weight_decay=0.01,
                                      warmup_ratio=0.1)
    trainer = CustomTrainer(
        model=model,
        args=training_args,
        train_dataset=dataset["train"],
        eval_dataset=dataset["valid"],
        data_collator=DataCollatorWithPadding(tokenizer, return_tensors="pt"),
    )
    trainer.train()


if __name__ == "__main__":
    main()
