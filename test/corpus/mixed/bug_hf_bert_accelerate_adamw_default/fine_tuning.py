# Idiom seen in: devesh1011/huggingface-transformers fine_tuning.py
# Idiom seen in: devesh1011/huggingface-transformers hf_accelerate.py
# What it reproduces: the accelerate script imports the model and a torch AdamW built on model.parameters() without weight_decay=;
# AdamW defaults to 0.01, so the BERT LayerNorm weights and all biases are decayed too (WD203, as in the repo).
import evaluate
import torch
import torch.optim as optim
from datasets import load_dataset
from torch.utils.data import DataLoader
from tqdm.auto import tqdm
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_scheduler

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-cased")
dataset = load_dataset("yelp_review_full")


def tokenize_function(examples):
    return tokenizer(examples["text"], padding="max_length", truncation=True)


tokenized_datasets = dataset.map(tokenize_function, batched=True)
tokenized_datasets = tokenized_datasets.remove_columns(["text"])
tokenized_datasets = tokenized_datasets.rename_column("label", "labels")
tokenized_datasets.set_format("torch")

train_dataset = tokenized_datasets["train"].shuffle(seed=42).select(range(1000))
test_dataset = tokenized_datasets["test"].shuffle(seed=42).select(range(1000))
train_loader = DataLoader(train_dataset, shuffle=True, batch_size=8)
test_loader = DataLoader(test_dataset, batch_size=8, shuffle=True)

model = AutoModelForSequenceClassification.from_pretrained("google-bert/bert-base-cased", num_labels=5)

optimizer = optim.AdamW(model.parameters(), lr=5e-5)  # expect: WD203

epochs = 3
training_steps = epochs * len(train_loader)
lr_scheduler = get_scheduler(name="linear", optimizer=optimizer, num_warmup_steps=0,
                             num_training_steps=training_steps)
progress_bar = tqdm(range(training_steps))


if __name__ == "__main__":
    device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
    model.to(device)
    model.train()
    for epoch in range(epochs):
        for batch in train_loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss
            loss.backward()
            optimizer.step()
            lr_scheduler.step()
            optimizer.zero_grad()
            progress_bar.update(1)

    metric = evaluate.load("accuracy")
    model.eval()
    for batch in test_loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        with torch.no_grad():
            logits = model(**batch).logits
        metric.add_batch(predictions=torch.argmax(logits, dim=-1), references=batch["labels"])
    print(metric.compute())
