# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/config.py
# Idiom seen in: Raja-Vignesh7/ML-NLP-Engineer src/train_model.py
# What it reproduces: Hugging Face fine-tune where TrainingArguments(weight_decay=0.01) lives in a config module
# and a plain transformers.Trainer builds its own AdamW, which leaves biases and LayerNorm weights out of the
# decay; no penalty is added to the loss (no compute_loss override). Clean.
import os

from transformers import Trainer

from src.config import training_args
from src.model_utils import get_tokenized_dataset, load_model, tokenizer


def main():
    tokenized_dataset = get_tokenized_dataset()
    model = load_model()
    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=tokenized_dataset["train"],
        eval_dataset=tokenized_dataset["test"],
        tokenizer=tokenizer,
    )
    trainer.train()
    save_directory = "/kaggle/working/game_review_bert_model"
    os.makedirs(save_directory, exist_ok=True)
    model.save_pretrained(save_directory)
    tokenizer.save_pretrained(save_directory)


if __name__ == "__main__":
    main()
