# Idiom seen in: NOrangeeroli/story_dataset model/bert/finetune.py
# What it reproduces: the Hugging Face fine-tuning recipe: two param groups keyed 'weight_decay', biases and
#   LayerNorm weights excluded by name, torch AdamW with no default decay left over. Correct as written.
import torch
from torch.optim import AdamW
from transformers import BertForSequenceClassification, BertTokenizer, get_linear_schedule_with_warmup

from story_data import load_story_pairs

CONFIG = {
    "model_name": "bert-base-chinese",
    "lr": 1e-5,
    "weight_decay": 0.01,
    "epochs": 3,
    "warmup_steps": 100,
}


def build_optimizer(model, cfg):
    no_decay = ["bias", "LayerNorm.weight"]
    grouped = [
        {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
         "weight_decay": cfg["weight_decay"]},
        {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
         "weight_decay": 0.0},
    ]
    return AdamW(grouped, lr=cfg["lr"], weight_decay=0.0)


def train(cfg=CONFIG):
    tokenizer = BertTokenizer.from_pretrained(cfg["model_name"])
    model = BertForSequenceClassification.from_pretrained(cfg["model_name"])
    model.train()
    batches = load_story_pairs(tokenizer)

    optimizer = build_optimizer(model, cfg)
    scheduler = get_linear_schedule_with_warmup(optimizer, cfg["warmup_steps"],
                                                cfg["epochs"] * len(batches))
    for epoch in range(cfg["epochs"]):
        for text_batch, labels in batches:
            enc = tokenizer(text_batch, return_tensors="pt", padding=True, truncation=True)
            outputs = model(enc["input_ids"], attention_mask=enc["attention_mask"],
                            labels=torch.tensor(labels))
            loss = outputs.loss
            loss.backward()
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
        print(epoch, loss.item())


if __name__ == "__main__":
    train()
