# Idiom seen in: hsuehkuan-lu/sentiment-classification training/base.py
# What it reproduces: a TrainerBase that reads every hyper-parameter from a module-level PARAMS = yaml.safe_load(...) and builds a plain SGD optimizer (no decay) that subclasses replace.
import time

import numpy as np
import torch
import yaml

with open("params.yaml", "r") as f:
    PARAMS = yaml.safe_load(f)

if torch.cuda.is_available():
    DEVICE = torch.device("cuda", PARAMS.get("gpu", 0))
else:
    DEVICE = torch.device("cpu")


class TrainerBase:
    def __init__(self, model, mode="train"):
        self.mode = mode
        self._model = model.to(DEVICE)
        self._criterion = torch.nn.BCELoss()
        self._optimizer = torch.optim.SGD(self._model.parameters(), lr=float(PARAMS[mode]["optimizer"]["lr"]))
        self._scheduler = None
        self._train_dataloader = None
        self._valid_dataloader = None
        self._early_stops = 0

    def set_dataloader(self, train_dataloader, valid_dataloader=None):
        self._train_dataloader = train_dataloader
        self._valid_dataloader = valid_dataloader

    def _run_epoch(self, dataloader, is_training=True):
        total_loss, correct, seen = [], 0, 0
        start = time.time()
        for idx, (label, text, offsets) in enumerate(dataloader):
            label, text, offsets = label.to(DEVICE), text.to(DEVICE), offsets.to(DEVICE)
            if is_training:
                self._optimizer.zero_grad()
            predicted = self._model(text, offsets)
            loss = self._criterion(predicted, label.unsqueeze(dim=-1).float())
            if is_training:
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self._model.parameters(), PARAMS[self.mode]["optimizer"]["clip"])
                self._optimizer.step()
                if idx % PARAMS["log_interval"] == 0 and idx > 0:
                    print(f"| {time.time() - start:5.1f}s | batch {idx:5d} | loss {loss.item():8.3f}")
            total_loss.append(float(loss))
            correct += ((predicted > 0.5).squeeze(-1) == label.bool()).sum().item()
            seen += label.size(0)
        return {"loss": np.mean(total_loss), "accuracy": correct / max(seen, 1)}

    def train(self):
        best = None
        for epoch in range(1, PARAMS[self.mode]["epochs"] + 1):
            self._model.train()
            results = self._run_epoch(self._train_dataloader)
            if self._valid_dataloader is not None:
                self._model.eval()
                with torch.no_grad():
                    results = self._run_epoch(self._valid_dataloader, is_training=False)
            if best is not None and results["accuracy"] <= best["accuracy"]:
                self._early_stops += 1
                if self._early_stops == PARAMS[self.mode]["early_stops"]:
                    break
            else:
                self._early_stops, best = 0, results
            if self._scheduler is not None:
                self._scheduler.step()
            print(f"| end of epoch {epoch:3d} | loss {results['loss']:8.3f} | acc {results['accuracy']:8.3f}")
        return best
