# Idiom seen in: adkevin3307/eeg_classification Model.py
# Idiom seen in: adkevin3307/eeg_classification main.py
# What it reproduces: realistic user mistake in the repo's Keras-like trainer: an L2 term on the conv and
#   linear weights is computed every step and reported in the progress line, but the loss that is
#   backpropagated is the bare cross entropy, so the term never regularizes anything.
import numpy as np
import torch


class Model:
    def __init__(self, net, criterion, optimizer, l2_lambda=1e-3):
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.net = net.to(self.device)
        self.criterion = criterion
        self.optimizer = optimizer
        self.l2_lambda = l2_lambda

    def _train_epoch(self, train_loader):
        self.net.train()
        total_loss, total_l2, correct, total = 0.0, 0.0, 0, 0
        for x, y in train_loader:
            x, y = x.to(self.device, dtype=torch.float), y.to(self.device, dtype=torch.long)

            self.optimizer.zero_grad()
            outputs = self.net(x)
            loss = self.criterion(outputs, y)
            l2_term = self.l2_lambda * sum(torch.sum(p ** 2) for n, p in self.net.named_parameters() if 'weight' in n)  # expect: WD104
            loss.backward()
            self.optimizer.step()

            total_loss += loss.item() * x.size(0)
            total_l2 += l2_term.item() * x.size(0)
            correct += (outputs.argmax(dim=1) == y).sum().item()
            total += x.size(0)
        return total_loss / total, total_l2 / total, correct / total

    def _evaluate(self, loader):
        self.net.eval()
        correct, total = 0, 0
        with torch.no_grad():
            for x, y in loader:
                x, y = x.to(self.device, dtype=torch.float), y.to(self.device, dtype=torch.long)
                correct += (self.net(x).argmax(dim=1) == y).sum().item()
                total += x.size(0)
        return correct / total

    def train(self, train_loader, epochs, val_loader=None):
        history = {'loss': [], 'accuracy': [], 'val_accuracy': []}
        for epoch in range(epochs):
            loss, l2, acc = self._train_epoch(train_loader)
            history['loss'].append(loss)
            history['accuracy'].append(acc)
            msg = f'Epoch {epoch + 1}/{epochs} - loss: {loss:.4f} - l2: {l2:.4f} - accuracy: {acc:.4f}'
            if val_loader is not None:
                val_acc = self._evaluate(val_loader)
                history['val_accuracy'].append(val_acc)
                msg += f' - val_accuracy: {val_acc:.4f}'
            print(msg)
        return history

    def test(self, test_loader):
        print(f'test accuracy: {self._evaluate(test_loader):.4f}')
