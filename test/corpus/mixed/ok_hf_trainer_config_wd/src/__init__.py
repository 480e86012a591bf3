# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/config.py
# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/train_model.py
# What it reproduces: Hugging Face fine-tune where TrainingArguments(weight_decay=0.01) lives in a config module
# and a plain transformers.Trainer builds its own AdamW, which leaves biases and LayerNorm weights out of the
# decay; no penalty is added to the loss (no compute_loss override). Clean.
