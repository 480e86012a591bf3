# Idiom seen in: lightly-ai/lightly lightly/utils/benchmarking/benchmark_module.py
# Idiom seen in: lightly-ai/lightly docs/source/getting_started/benchmarks/imagenette_benchmark.py
# What it reproduces: lightly's kNN BenchmarkModule (a LightningModule that keeps a feature bank from the backbone and
# reports kNN accuracy at the end of each validation epoch); the SSL models in imagenette_benchmark.py subclass it.

import pytorch_lightning as pl
import torch
import torch.nn.functional as F


def knn_predict(feature, feature_bank, feature_labels, classes, knn_k=200, knn_t=0.1):
    sim_matrix = torch.mm(feature, feature_bank)
    sim_weight, sim_indices = sim_matrix.topk(k=knn_k, dim=-1)
    sim_labels = torch.gather(feature_labels.expand(feature.size(0), -1), dim=-1, index=sim_indices)
    sim_weight = (sim_weight / knn_t).exp()
    one_hot = torch.zeros(feature.size(0) * knn_k, classes, device=sim_labels.device)
    one_hot = one_hot.scatter(dim=-1, index=sim_labels.view(-1, 1), value=1.0)
    pred_scores = torch.sum(one_hot.view(feature.size(0), -1, classes) * sim_weight.unsqueeze(dim=-1), dim=1)
    return pred_scores.argsort(dim=-1, descending=True)


class BenchmarkModule(pl.LightningModule):
    def __init__(self, dataloader_kNN, num_classes, knn_k=200, knn_t=0.1):
        super().__init__()
        self.backbone = torch.nn.Module()
        self.max_accuracy = 0.0
        self.dataloader_kNN = dataloader_kNN
        self.num_classes = num_classes
        self.knn_k = knn_k
        self.knn_t = knn_t

    def on_validation_epoch_start(self):
        self.backbone.eval()
        bank, targets = [], []
        with torch.no_grad():
            for img, target, _ in self.dataloader_kNN:
                feature = self.backbone(img.to(self.device)).squeeze()
                bank.append(F.normalize(feature, dim=1))
                targets.append(target.to(self.device))
        self.feature_bank = torch.cat(bank, dim=0).t().contiguous()
        self.targets_bank = torch.cat(targets, dim=0).t().contiguous()
        self._correct, self._total = 0, 0

    def validation_step(self, batch, batch_idx):
        images, targets, _ = batch
        feature = F.normalize(self.backbone(images).squeeze(), dim=1)
        pred_labels = knn_predict(feature, self.feature_bank, self.targets_bank, self.num_classes,
                                  self.knn_k, self.knn_t)
        self._total += images.shape[0]
        self._correct += (pred_labels[:, 0] == targets).float().sum().item()

    def on_validation_epoch_end(self):
        acc = self._correct / max(self._total, 1)
        self.max_accuracy = max(self.max_accuracy, acc)
        self.log("kNN_accuracy", acc * 100.0, prog_bar=True)
