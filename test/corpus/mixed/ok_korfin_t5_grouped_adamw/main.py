# Idiom seen in: guijinSON/KorFin_ASC src/utils.py
# Idiom seen in: guijinSON/KorFin_ASC src/train.py
# What it reproduces: T5 fine-tuning with a transformers AdamW over a named no-decay split; the split names T5 norms the way T5 spells
# them (layer_norm.weight, also matching final_layer_norm) and T5 has no biases, so only the matrices decay. Clean (the repo had 0.0 in both groups).
import wandb
from transformers import T5ForConditionalGeneration, T5TokenizerFast

from dataloader import get_loaders
from train import single_epoch_test_T5, single_epoch_train_T5
from utils import get_optimizer_T5

MODEL_NAME = "paust/pko-t5-base"
EPOCHS = 5


def main():
    wandb.init(project="KorFin-ASC")
    tokenizer = T5TokenizerFast.from_pretrained(MODEL_NAME)
    model = T5ForConditionalGeneration.from_pretrained(MODEL_NAME).to("cuda:0")
    train_loader, test_loader = get_loaders(tokenizer, batch_size=16)
    optimizer = get_optimizer_T5(model, lr=3e-4, weight_decay=0.01)
    for epoch in range(EPOCHS):
        single_epoch_train_T5(model, optimizer, train_loader, gradient_accumulation_steps=4)
        single_epoch_test_T5(model, test_loader, tokenizer)


if __name__ == "__main__":
    main()
