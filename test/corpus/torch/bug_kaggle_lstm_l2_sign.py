# Idiom seen in: YasufumiNakama/kaggle-Toxicity-Classification-2019 code/src/trainer.py
# Idiom seen in: YasufumiNakama/kaggle-Toxicity-Classification-2019 RNN/models/EmbLSTM.py
# What it reproduces: user's change to the repo's train_one_epoch: a hand-written L2 term on the LSTM
# model's weights is SUBTRACTED from the BCE loss (sign slip), i.e. negative weight decay (WD302);
# the Adam itself has no weight_decay.
import torch
import torch.nn as nn

from logger import LOGGER
from dataset import get_rnn_loaders

L2_LAMBDA = 1e-5
LR = 1e-3
EPOCHS = 4


class EmbLSTM(nn.Module):
    def __init__(self, embedding_matrix, hidden_size=128, n_labels=1):
        super(EmbLSTM, self).__init__()
        self.embedding = nn.Embedding.from_pretrained(torch.tensor(embedding_matrix, dtype=torch.float32),
                                                      freeze=True)
        self.lstm1 = nn.LSTM(self.embedding.embedding_dim, hidden_size, bidirectional=True, batch_first=True)
        self.lstm2 = nn.LSTM(hidden_size * 2, hidden_size, bidirectional=True, batch_first=True)
        self.linear = nn.Linear(hidden_size * 4, hidden_size * 4)
        self.out = nn.Linear(hidden_size * 4, n_labels)

    def forward(self, x):
        h, _ = self.lstm1(self.embedding(x))
        h, _ = self.lstm2(h)
        h = torch.cat([h.max(dim=1)[0], h.mean(dim=1)], dim=1)
        return self.out(torch.relu(self.linear(h)))


def train_one_epoch(model, train_loader, criterion, optimizer, device):
    model.train()
    total_loss = 0.0
    for step, (features, targets) in enumerate(train_loader):
        features, targets = features.to(device), targets.to(device)
        logits = model(features)
        l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if p.requires_grad and 'weight' in n)
        loss = criterion(logits.view(-1, 1), targets.view(-1, 1)) - L2_LAMBDA * l2  # expect: WD302
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
        if (step + 1) % 500 == 0:
            LOGGER.info(f'Train loss on step {step + 1} was {round(total_loss / (step + 1), 5)}')
    return total_loss / (step + 1)


def main():
    device = 'cuda:0'
    train_loader, embedding_matrix = get_rnn_loaders(batch_size=512)
    model = EmbLSTM(embedding_matrix).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    criterion = nn.BCEWithLogitsLoss()
    for epoch in range(EPOCHS):
        LOGGER.info(f'epoch {epoch}: {train_one_epoch(model, train_loader, criterion, optimizer, device):.5f}')


if __name__ == '__main__':
    main()
