# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/config.py
# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/train_model.py
# What it reproduces: Hugging Face fine-tune where TrainingArguments(weight_decay=0.01) lives in a config module
# and a plain transformers.Trainer builds its own AdamW, which leaves biases and LayerNorm weights out of the
# decay; no penalty is added to the loss (no compute_loss override). Clean.
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from src.config import MODEL_NAME
from src.data_preprocessing import HGF_dataset

tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)


def tokenize_function(example):
    tokens = tokenizer(example["tokens"], padding="max_length", truncation=True)
    tokens["labels"] = example["target"]
    return tokens


def get_tokenized_dataset():
    tokenized = HGF_dataset.map(tokenize_function, batched=True)
    return tokenized.train_test_split(test_size=0.2)


def load_model():
    return AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=2)
