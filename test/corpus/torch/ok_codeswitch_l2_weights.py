# Idiom seen in: javadr/PyTorch-Detect-Code-Switching code/train.py
# Idiom seen in: javadr/PyTorch-Detect-Code-Switching code/config.py
# What it reproduces: a BiLSTM token tagger for code-switched tweets (en/es/other) with a CFG class holding
#   lr and wd. Clean variant: instead of Adam(weight_decay=CFG.wd) the L2 term is hand-written over the
#   weight matrices only (names containing "weight", biases skipped), added to the loss that .backward() is
#   called on, and Adam itself has no weight_decay: one decay, on the right parameters.
from collections import defaultdict

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import ReduceLROnPlateau

from data import Data, train_loader, test_loader
from utils import flatten, evaluation

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


class CFG:
    max_sentence_len = 50
    batch_size = 4
    seed = 3407
    n_epochs = 7
    lr = 1e-3  # learning rate
    wd = 1e-5  # weight decay, applied by hand below


class BiLSTMtagger(nn.Module):
    def __init__(self, vocab_size, embedding_dim, hidden_dim, tagset_size):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_dim, num_layers=2, bidirectional=True, batch_first=True)
        self.hidden2tag = nn.Linear(2 * hidden_dim, tagset_size)

    def forward(self, sentence):
        out, _ = self.lstm(self.embedding(sentence))
        return self.hidden2tag(out)


torch.manual_seed(CFG.seed)
model = BiLSTMtagger(len(Data.chr2id), 64, 128, Data.label_vocab_size).to(device)
loss_function = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=CFG.lr)
scheduler = ReduceLROnPlateau(optimizer, 'min', patience=150, factor=0.1, min_lr=1e-8)
decayed = [p for n, p in model.named_parameters() if "weight" in n and "embedding" not in n]

logs = defaultdict(list)
for epoch in range(1, CFG.n_epochs + 1):
    model.train()
    avg_loss = 0
    for sentence, label, _ in train_loader:
        model.zero_grad()
        scores = model(sentence)
        loss = loss_function(scores.view(-1, scores.shape[-1]), label.view(-1))
        l2 = sum(p.pow(2).sum() for p in decayed)
        loss = loss + CFG.wd / 2 * l2
        loss.backward()
        optimizer.step()
        avg_loss += loss.item() / len(train_loader)

    model.eval()
    avg_val_loss = 0
    val_targets, val_preds = [], []
    with torch.no_grad():
        for sentence, label, _ in test_loader:
            scores = model(sentence)
            avg_val_loss += loss_function(scores.view(-1, scores.shape[-1]), label.view(-1)).item() / len(test_loader)
            val_targets.extend(flatten(label))
            val_preds.extend(flatten(scores.argmax(axis=-1)))
    scheduler.step(avg_val_loss)
    val_eval = evaluation(val_targets, val_preds, metrics=['f1', 'accuracy'])
    logs['train_loss'].append(avg_loss)
    logs['val_f1'].append(val_eval['f1'])
    print(f"Epoch {epoch}/{CFG.n_epochs}, loss={avg_loss:.4f}, val_loss={avg_val_loss:.4f}, val_f1={val_eval['f1']:.4f}")

torch.save(model.state_dict(), '../saved-models/bestmodel.pth')
