# Idiom seen in: paulohl/hugging_face_diffusers_manuscript HFDL_book_root/HFD_Chapter01_code_examples/Ch01-12_train_setup.py
# What it reproduces: a book chapter setup module holding TrainingArguments(weight_decay=0.01), used by a
#   Trainer subclass whose compute_loss only re-weights the cross entropy (no penalty); the Trainer builds
#   its own AdamW with biases/LayerNorm excluded. Clean.
import numpy as np
import torch
from datasets import load_dataset
from sklearn.utils.class_weight import compute_class_weight
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer

from train_setup import training_args

MODEL_NAME = "distilbert-base-uncased"


class WeightedTrainer(Trainer):
    def __init__(self, class_weights, **kwargs):
        super().__init__(**kwargs)
        self.class_weights = class_weights

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        loss_fct = torch.nn.CrossEntropyLoss(weight=self.class_weights.to(outputs.logits.device))
        loss = loss_fct(outputs.logits.view(-1, model.config.num_labels), labels.view(-1))
        return (loss, outputs) if return_outputs else loss


def main():
    raw = load_dataset("emotion")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    encoded = raw.map(lambda b: tokenizer(b["text"], truncation=True, padding="max_length"), batched=True)
    labels = np.array(raw["train"]["label"])
    weights = compute_class_weight("balanced", classes=np.unique(labels), y=labels)

    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=len(np.unique(labels)))
    trainer = WeightedTrainer(
        class_weights=torch.tensor(weights, dtype=torch.float),
        model=model,
        args=training_args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["validation"],
    )
    trainer.train()
    trainer.save_model("./results/best")


if __name__ == "__main__":
    main()
