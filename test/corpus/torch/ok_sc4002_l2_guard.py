# Idiom seen in: pufanyi/SC4002-Project src/sc4002/train/trainer.py
# What it reproduces: clean twin: the Trainer subclass's guarded explicit L2 term is switched on
#   (l2_coeff=1e-5) and TrainingArguments keeps its default weight_decay=0.0, so the weights are penalized
#   exactly once.
import torch.nn as nn
from transformers import Trainer, TrainingArguments

from sc4002.data import build_datasets
from sc4002.models import RNNClassifier


class CustomTrainer(Trainer):
    def __init__(self, *args, l2_coeff: float = 0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_coeff = l2_coeff

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        logits = model(input_ids=inputs["input_ids"])
        loss = nn.functional.cross_entropy(logits, inputs["labels"])
        if self.l2_coeff > 0:
            l2 = sum(p.pow(2).sum() for name, p in model.named_parameters() if "weight" in name)
            loss = loss + self.l2_coeff * l2
        return (loss, dict(logits=logits)) if return_outputs else loss


if __name__ == "__main__":
    train_ds, val_ds, vocab = build_datasets("rotten_tomatoes")
    model = RNNClassifier(vocab_size=len(vocab), hidden_dim=256, num_classes=2)
    args = TrainingArguments(output_dir="./output/rnn", learning_rate=1e-3,
                             per_device_train_batch_size=64, num_train_epochs=10,
                             remove_unused_columns=False)
    trainer = CustomTrainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds,
                            l2_coeff=1e-5)
    trainer.train()
