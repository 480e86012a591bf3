# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/training_loop.py
# Idiom seen in: Bala-Yarabikki/sentiment_analysis_test1 src/performance_metrics.py
# What it reproduces: the project's plain loop over the imported model/optimizer/scheduler; the loss is the
#   model's own cross entropy and the optimizer has no decay: clean.
import random

import numpy as np
import torch
from sklearn.metrics import f1_score
from tqdm import tqdm

from dataloaders import dataloader_train, dataloader_validation
from optimizer_scheduler import epochs, optimizer, scheduler
from pretrained_model import model

seed_val = 17
random.seed(seed_val)
np.random.seed(seed_val)
torch.manual_seed(seed_val)
torch.cuda.manual_seed_all(seed_val)

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model.to(device)


def f1_score_func(preds, labels):
    preds_flat = np.argmax(preds, axis=1).flatten()
    return f1_score(labels.flatten(), preds_flat, average="weighted")


def evaluate(dataloader_val):
    model.eval()
    loss_val_total = 0
    predictions, true_vals = [], []
    for batch in dataloader_val:
        batch = tuple(b.to(device) for b in batch)
        inputs = {"input_ids": batch[0], "attention_mask": batch[1], "labels": batch[2]}
        with torch.no_grad():
            outputs = model(**inputs)
        loss_val_total += outputs[0].item()
        predictions.append(outputs[1].detach().cpu().numpy())
        true_vals.append(inputs["labels"].cpu().numpy())
    return loss_val_total / len(dataloader_val), np.concatenate(predictions), np.concatenate(true_vals)


for epoch in tqdm(range(1, epochs + 1)):
    model.train()
    loss_train_total = 0
    progress_bar = tqdm(dataloader_train, desc="Epoch {:1d}".format(epoch), leave=False)
    for batch in progress_bar:
        model.zero_grad()
        batch = tuple(b.to(device) for b in batch)
        inputs = {"input_ids": batch[0], "attention_mask": batch[1], "labels": batch[2]}
        outputs = model(**inputs)
        loss = outputs[0]
        loss_train_total += loss.item()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        progress_bar.set_postfix({"training_loss": "{:.3f}".format(loss.item() / len(batch))})

    torch.save(model.state_dict(), f"data_volume/finetuned_BERT_epoch_{epoch}.model")
    val_loss, predictions, true_vals = evaluate(dataloader_validation)
    tqdm.write(f"Epoch {epoch}: train {loss_train_total / len(dataloader_train):.4f} "
               f"val {val_loss:.4f} F1 {f1_score_func(predictions, true_vals):.4f}")
