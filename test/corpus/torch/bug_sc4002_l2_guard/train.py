# Idiom seen in: pufanyi/SC4002-Project src/sc4002/train/trainer.py
# What it reproduces: a transformers Trainer subclass (custom RNN classifier, cross_entropy in compute_loss)
#   given an optional explicit L2 term behind "if self.l2_coeff > 0:"; the only construction passes
#   l2_coeff=0.0 (decay was moved to TrainingArguments.weight_decay), so the penalty code is dead.
from transformers import TrainingArguments

from sc4002.data import build_datasets
from sc4002.models import RNNClassifier
from trainer import CustomTrainer


def main():
    train_ds, val_ds, vocab = build_datasets("rotten_tomatoes")
    model = RNNClassifier(vocab_size=len(vocab), hidden_dim=256, num_classes=2)
    args = TrainingArguments(
        output_dir="./output/rnn",
        learning_rate=1e-3,
        per_device_train_batch_size=64,
        num_train_epochs=10,
        weight_decay=0.01,
        eval_strategy="epoch",
        remove_unused_columns=False,
    )
    trainer = CustomTrainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        l2_coeff=0.0,
    )
    trainer.train()


if __name__ == "__main__":
    main()
