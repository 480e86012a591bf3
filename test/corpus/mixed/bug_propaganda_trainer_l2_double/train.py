# Idiom seen in: Hannysia/propaganda-detector src/train.py
# What it reproduces: the training script: roberta-base classifier, TrainingArguments(weight_decay=0.1) and the
#   WeightedLossTrainer above, whose compute_loss adds its own L2 on the same parameters.
from datetime import datetime

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.utils.class_weight import compute_class_weight
from transformers import AutoModelForSequenceClassification, AutoTokenizer, TrainingArguments

from src.data import PropagandaDataset
from src.utils import compute_metrics, seed_everything, setup_environment
from trainer import WeightedLossTrainer

DATA_PATH, HF_TOKEN = setup_environment()
MODEL_NAME = "roberta-base"
RUN_NAME = f"roberta-l2-{datetime.now().strftime('%d-%m-%H-%M')}"
SEED = 42
seed_everything(SEED)

df = pd.read_csv(DATA_PATH).sort_values(by=["article_id", "start_offset"]).reset_index(drop=True)
labels_list = sorted(df["label"].unique())
label2id = {label: i for i, label in enumerate(labels_list)}
id2label = {i: label for label, i in label2id.items()}

sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_index, val_index = next(sgkf.split(df["context"], df["label"], groups=df["article_id"]))
train_df, val_df = df.iloc[train_index], df.iloc[val_index]

tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
tokenizer.add_special_tokens({"additional_special_tokens": ["<E>", "</E>"]})
train_dataset = PropagandaDataset(train_df["context"].tolist(), [label2id[l] for l in train_df["label"]], tokenizer)
val_dataset = PropagandaDataset(val_df["context"].tolist(), [label2id[l] for l in val_df["label"]], tokenizer)

train_labels = [x["labels"].item() for x in train_dataset]
weights = compute_class_weight("balanced", classes=np.unique(train_labels), y=train_labels)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
class_weights = torch.tensor(weights, dtype=torch.float).to(device)

model = AutoModelForSequenceClassification.from_pretrained(
    MODEL_NAME, num_labels=len(labels_list), id2label=id2label, label2id=label2id
)
model.resize_token_embeddings(len(tokenizer))

training_args = TrainingArguments(
    output_dir="./results",
    run_name=RUN_NAME,
    num_train_epochs=5,
    learning_rate=2e-5,
    weight_decay=0.1,
    warmup_ratio=0.1,
    per_device_train_batch_size=16,
    per_device_eval_batch_size=16,
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="f1_macro",
    fp16=True,
)

trainer = WeightedLossTrainer(
    class_weights=class_weights,
    l2_lambda=1e-4,
    model=model,
    args=training_args,
    train_dataset=train_dataset,
    eval_dataset=val_dataset,
    compute_metrics=compute_metrics,
    tokenizer=tokenizer,
)
trainer.train()
