# Idiom seen in: rasbt/LLMs-from-scratch ch05/01_main-chapter-code/gpt_train.py
# What it reproduces: main(gpt_config, hparams) builds GPTModel and
# torch.optim.AdamW(model.parameters(), weight_decay=hparams["weight_decay"]) with 0.1: one group,
# so the LayerNorm scale/shift vectors and the feed-forward biases are decayed as well.
import torch

from gpt_model import GPTModel
from dataloader import create_dataloader_v1


def calc_loss_batch(input_batch, target_batch, model, device):
    input_batch, target_batch = input_batch.to(device), target_batch.to(device)
    logits = model(input_batch)
    return torch.nn.functional.cross_entropy(logits.flatten(0, 1), target_batch.flatten())


def train_model_simple(model, train_loader, optimizer, device, num_epochs):
    train_losses = []
    for epoch in range(num_epochs):
        model.train()
        for input_batch, target_batch in train_loader:
            optimizer.zero_grad()
            loss = calc_loss_batch(input_batch, target_batch, model, device)
            loss.backward()
            optimizer.step()
            train_losses.append(loss.item())
        print(f"Ep {epoch + 1}: train loss {train_losses[-1]:.3f}")
    return train_losses


def main(gpt_config, hparams):
    torch.manual_seed(123)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    with open("the-verdict.txt", "r", encoding="utf-8") as f:
        text_data = f.read()

    model = GPTModel(gpt_config)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=hparams["learning_rate"],  # expect: WD203
                                  weight_decay=hparams["weight_decay"])

    train_loader = create_dataloader_v1(text_data, batch_size=hparams["batch_size"],
                                        max_length=gpt_config["ctx_len"], stride=gpt_config["ctx_len"],
                                        drop_last=True, shuffle=True)
    return train_model_simple(model, train_loader, optimizer, device, hparams["num_epochs"]), model


if __name__ == "__main__":
    GPT_CONFIG_124M = {
        "vocab_size": 50257,
        "ctx_len": 256,
        "emb_dim": 768,
        "n_heads": 12,
        "n_layers": 12,
        "drop_rate": 0.1,
        "qkv_bias": False,
    }
    OTHER_HPARAMS = {
        "learning_rate": 5e-4,
        "num_epochs": 10,
        "batch_size": 2,
        "weight_decay": 0.1,
    }
    losses, model = main(GPT_CONFIG_124M, OTHER_HPARAMS)
    torch.save(model.state_dict(), "model.pth")
