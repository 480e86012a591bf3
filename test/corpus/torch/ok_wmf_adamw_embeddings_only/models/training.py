# Idiom seen in: maksbilski/playlist_recommendation_system models/training.py
# Idiom seen in: maksbilski/playlist_recommendation_system models/wmf.py
# What it reproduces: the trainer's train_with_weight_decay(): AdamW(self.model.parameters(), lr,
#   weight_decay=0.01); with the bias-free WMF the only parameters are the two embedding tables, which
#   is exactly what should decay. Clean.
import torch.nn as nn
import torch.optim as optim


class WMFTrainer:
    def __init__(self, model, train_loader, device):
        self.model = model
        self.train_loader = train_loader
        self.device = device

    def train_with_weight_decay(self, epochs, learning_rate, weight_decay=0.01):
        self.model = self.model.to(self.device)
        criterion = nn.MSELoss(reduction='none')
        optimizer = optim.AdamW(self.model.parameters(), lr=learning_rate, weight_decay=weight_decay)

        for epoch in range(epochs):
            self.model.train()
            total_loss = 0
            for user_ids, item_ids, labels, confidence in self.train_loader:
                user_ids = user_ids.to(self.device)
                item_ids = item_ids.to(self.device)
                labels = labels.to(self.device)
                confidence = confidence.to(self.device)

                predictions = self.model(user_ids, item_ids)
                loss = (confidence * criterion(predictions, labels)).mean()

                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total_loss += loss.item()

            avg_loss = total_loss / len(self.train_loader)
            print(f'Epoch {epoch + 1}/{epochs} - Average Loss: {avg_loss:.4f}')
        return self.model
