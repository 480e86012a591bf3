# Idiom seen in: alextran1357/Look-N-Cook_Recipe-classifier src/agent/trainer.py
# What it reproduces: the plain Hugging Face Trainer recipe: DistilBERT classifier, TrainingArguments with
#   weight_decay=0.01 and no custom optimizer, so the Trainer's own AdamW decays the weight matrices and leaves
#   biases and LayerNorm weights out. Clean.
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from transformers import (DistilBertForSequenceClassification, DistilBertTokenizer, Trainer,
                          TrainingArguments)

from recipes import load_recipes

tokenizer = DistilBertTokenizer.from_pretrained("distilbert-base-uncased")


class RecipeDataset(torch.utils.data.Dataset):
    def __init__(self, encodings, labels):
        self.encodings = encodings
        self.labels = labels

    def __getitem__(self, idx):
        item = {key: torch.tensor(val[idx]) for key, val in self.encodings.items()}
        item["labels"] = torch.tensor(self.labels[idx])
        return item

    def __len__(self):
        return len(self.labels)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "f1": f1_score(labels, preds, average="macro")}


df: pd.DataFrame = load_recipes("data/recipes.csv")
cuisines = sorted(df["cuisine"].unique())
label_ids = df["cuisine"].map({c: i for i, c in enumerate(cuisines)}).tolist()
train_texts, val_texts, train_labels, val_labels = train_test_split(
    df["ingredients"].tolist(), label_ids, test_size=0.2, random_state=42
)

train_dataset = RecipeDataset(tokenizer(train_texts, truncation=True, padding=True), train_labels)
eval_dataset = RecipeDataset(tokenizer(val_texts, truncation=True, padding=True), val_labels)

model = DistilBertForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=len(cuisines))

training_args = TrainingArguments(
    output_dir="./results",
    num_train_epochs=3,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    warmup_steps=500,
    weight_decay=0.01,
    logging_dir="./logs",
    eval_strategy="epoch",
)

trainer = Trainer(
    model=model,
    args=training_args,
    train_dataset=train_dataset,
    eval_dataset=eval_dataset,
    compute_metrics=compute_metrics,
)

trainer.train()
trainer.save_model("./recipe-classifier")
