# Idiom seen in: abhishekkrthakur/melanoma-deep-learning main.py
# What it reproduces: a local copy of the wtfml Engine adapted to the 3-tuple the model now
#   returns; it backpropagates `loss` and only accumulates the penalty for the progress bar.
import torch
from tqdm import tqdm


class AverageMeter:
    def __init__(self):
        self.avg, self.sum, self.count = 0, 0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


class Engine:
    @staticmethod
    def train(data_loader, model, optimizer, device, scheduler=None, accumulation_steps=1):
        losses = AverageMeter()
        penalties = AverageMeter()
        model.train()
        if accumulation_steps > 1:
            optimizer.zero_grad()
        tk0 = tqdm(data_loader, total=len(data_loader))
        for b_idx, data in enumerate(tk0):
            for key, value in data.items():
                data[key] = value.to(device)
            if accumulation_steps == 1 and b_idx == 0:
                optimizer.zero_grad()
            _, loss, l2 = model(**data)
            loss.backward()
            if (b_idx + 1) % accumulation_steps == 0:
                optimizer.step()
                if scheduler is not None:
                    scheduler.step()
                if b_idx > 0:
                    optimizer.zero_grad()
            losses.update(loss.item(), data_loader.batch_size)
            penalties.update(l2.item(), data_loader.batch_size)
            tk0.set_postfix(loss=losses.avg, l2=penalties.avg)
        return losses.avg

    @staticmethod
    def evaluate(data_loader, model, device):
        losses = AverageMeter()
        final_predictions = []
        model.eval()
        with torch.no_grad():
            for data in data_loader:
                for key, value in data.items():
                    data[key] = value.to(device)
                predictions, loss, _ = model(**data)
                losses.update(loss.item(), data_loader.batch_size)
                final_predictions.append(predictions.cpu())
        return final_predictions, losses.avg
