# Idiom seen in: fKunstner/optexp src/optexp/optimizers/optims/adagrad.py
# Idiom seen in: fKunstner/optexp src/optexp/optimizers/weight_decay_strategy.py
# What it reproduces: experiment framework where an optimizer dataclass builds its param groups through a decay
# strategy; DecayEverything puts all model.parameters() in one decayed group of torch Adagrad: coupled L2 (WD202) on
# biases and norms too (WD203).
import torch
import torch.nn as nn

from optexp_data import load_ptb  # experiment data package, not in this folder
from optim import Adagrad


class TinyLM(nn.Module):
    def __init__(self, vocab=10000, d=256):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.rnn = nn.LSTM(d, d, batch_first=True)
        self.norm = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab)

    def forward(self, x):
        h, _ = self.rnn(self.emb(x))
        return self.head(self.norm(h))


def run(experiment):
    model = TinyLM()
    opt = experiment["optim"].load(model)
    loss_fn = nn.CrossEntropyLoss()
    for step, (x, y) in enumerate(load_ptb(batch_size=32)):
        opt.zero_grad()
        logits = model(x)
        loss = loss_fn(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
        loss.backward()
        opt.step()
        if step >= experiment["steps"]:
            break


if __name__ == "__main__":
    run({"optim": Adagrad(lr=0.05, weight_decay=1e-4), "steps": 2000})
