# Idiom seen in: RacleRay/RaychSnippts raych/trainer/huggingface_trainer.py
# What it reproduces: ICD-code tagging of discharge summaries with a BERT classifier; Trainer builds
#   its AdamW from TrainingArguments(weight_decay=0.01) (the classifier weight is in its decayed
#   group) and trains on the loss of MultilabelTrainer.compute_loss. The double decay is reported in
#   trainer.py.
import numpy as np
from datasets import load_dataset
from sklearn.metrics import f1_score
from transformers import AutoModelForSequenceClassification, AutoTokenizer, TrainingArguments

from trainer import MultilabelTrainer

MODEL_NAME = "emilyalsentzer/Bio_ClinicalBERT"
NUM_LABELS = 50


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = (1 / (1 + np.exp(-logits))) > 0.5
    return {"micro_f1": f1_score(labels, preds, average="micro")}


def main():
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    raw = load_dataset("json", data_files={"train": "data/mimic50_train.json", "dev": "data/mimic50_dev.json"})

    def encode(batch):
        enc = tokenizer(batch["text"], truncation=True, max_length=512, padding="max_length")
        enc["labels"] = batch["codes_onehot"]
        return enc

    ds = raw.map(encode, batched=True, remove_columns=raw["train"].column_names)
    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME, num_labels=NUM_LABELS, problem_type="multi_label_classification")

    args = TrainingArguments(
        output_dir="outputs/icd50",
        learning_rate=2e-5,
        per_device_train_batch_size=8,
        per_device_eval_batch_size=16,
        num_train_epochs=10,
        weight_decay=0.01,
        warmup_ratio=0.1,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="micro_f1",
        fp16=True,
    )
    trainer = MultilabelTrainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["dev"],
        tokenizer=tokenizer,
        compute_metrics=compute_metrics,
    )
    trainer.train()


if __name__ == "__main__":
    main()
