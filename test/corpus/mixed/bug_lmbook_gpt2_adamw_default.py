# Idiom seen in: anderscui/lms tutorials/gpt_emotion_gen.py
# What it reproduces: the LM-book style GPT-2 fine-tune: `from torch.optim import AdamW` then
#   AdamW(model.parameters(), lr=5e-5) with no weight_decay argument. torch's AdamW defaults to
#   weight_decay=0.01, so every GPT-2 bias and the ln_1/ln_2/ln_f LayerNorm weights are decayed too.
import gzip
import json
import random

import requests
import torch
from torch.optim import AdamW
from torch.utils.data import DataLoader, Dataset
from tqdm import tqdm
from transformers import AutoModelForCausalLM, AutoTokenizer


def set_seed(seed):
    random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_prompt(text):
    return f"Predict the emotion for the following text: {text}\nEmotion:"


class PromptCompletionDataset(Dataset):
    def __init__(self, data, tokenizer):
        self.data = data
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        item = self.data[idx]
        prompt_ids = self.tokenizer.encode(item["prompt"])
        completion_ids = self.tokenizer.encode(item["completion"]) + [self.tokenizer.eos_token_id]
        input_ids = prompt_ids + completion_ids
        labels = [-100] * len(prompt_ids) + completion_ids
        return {"input_ids": input_ids, "labels": labels}


def collate_fn(batch, pad_id=50256):
    max_len = max(len(x["input_ids"]) for x in batch)
    input_ids = torch.tensor([x["input_ids"] + [pad_id] * (max_len - len(x["input_ids"])) for x in batch])
    labels = torch.tensor([x["labels"] + [-100] * (max_len - len(x["labels"])) for x in batch])
    attention_mask = (input_ids != pad_id).long()
    return input_ids, attention_mask, labels


def download_and_prepare_data(url, batch_size):
    raw = gzip.decompress(requests.get(url).content).decode()
    rows = [json.loads(line) for line in raw.splitlines()]
    data = [{"prompt": build_prompt(r["text"]), "completion": " " + r["label"]} for r in rows]
    random.shuffle(data)
    return data


if __name__ == "__main__":
    set_seed(42)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model_name = "openai-community/gpt2"
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(model_name).to(device)

    num_epochs, batch_size, learning_rate = 2, 16, 5e-5
    data = download_and_prepare_data("https://www.thelmbook.com/data/emotions", batch_size)
    train_loader = DataLoader(PromptCompletionDataset(data, tokenizer), batch_size=batch_size,
                              shuffle=True, collate_fn=collate_fn)

    optimizer = AdamW(model.parameters(), lr=learning_rate)  # expect: WD203

    for epoch in range(num_epochs):
        total_loss, num_batches = 0.0, 0
        progress_bar = tqdm(train_loader, desc=f"Epoch {epoch + 1}/{num_epochs}")
        for input_ids, attention_mask, labels in progress_bar:
            input_ids, attention_mask, labels = input_ids.to(device), attention_mask.to(device), labels.to(device)
            outputs = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels)
            loss = outputs.loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            total_loss += loss.item()
            num_batches += 1
            progress_bar.set_postfix({"loss": f"{total_loss / num_batches:.4f}"})
