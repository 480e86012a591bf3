# Idiom seen in: TransformerLensOrg/TransformerLens transformer_lens/train.py
# What it reproduces: an interpretability project fine-tuning a small HookedTransformer with the helper above,
#   asking for AdamW with weight_decay=0.01 (and so decaying its LayerNorms and biases as well).
import torch
from transformer_lens import HookedTransformer
from transformer_lens.utils import tokenize_and_concatenate
from datasets import load_dataset

from lens_train import HookedTransformerTrainConfig, train


def main():
    model = HookedTransformer.from_pretrained("tiny-stories-33M")
    raw = load_dataset("roneneldan/TinyStories", split="train[:2%]")
    dataset = tokenize_and_concatenate(raw, model.tokenizer, max_length=256)

    cfg = HookedTransformerTrainConfig(
        num_epochs=1,
        batch_size=16,
        lr=3e-4,
        weight_decay=0.01,
        optimizer_name="AdamW",
        device="cuda",
        warmup_steps=200,
        max_grad_norm=1.0,
    )
    model = train(model, cfg, dataset)
    torch.save(model.state_dict(), "tiny_stories_ft.pt")


if __name__ == "__main__":
    main()
