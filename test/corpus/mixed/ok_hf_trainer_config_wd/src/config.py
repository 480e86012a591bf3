# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/config.py
# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/train_model.py
# What it reproduces: Hugging Face fine-tune where TrainingArguments(weight_decay=0.01) lives in a config module
# and a plain transformers.Trainer builds its own AdamW, which leaves biases and LayerNorm weights out of the
# decay; no penalty is added to the loss (no compute_loss override). Clean.
from transformers import TrainingArguments

MODEL_NAME = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"

training_args = TrainingArguments(
    output_dir="./results",
    learning_rate=2e-5,
    per_device_train_batch_size=16,
    num_train_epochs=3,
    max_steps=1500,
    weight_decay=0.01,
    warmup_ratio=0.06,
    logging_steps=50,
    report_to="wandb",
)
