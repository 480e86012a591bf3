# Idiom seen in: dhis2-chap/chtorch chtorch/lightning_module.py
# Idiom seen in: dhis2-chap/chtorch chtorch/configuration.py
# What it reproduces: Lightning configure_optimizers building torch AdamW from _get_decay_dict(): biases and
# norm params in a weight_decay=0.0 group, embeddings in stronger-decay groups, weight_decay from a pydantic
# ModelConfiguration (1e-6). Decoupled decay, no decay on biases/norms: clean.
import lightning as L

from chtorch.configuration import ModelConfiguration
from chtorch.data_loader import build_dataloaders
from chtorch.distribution_loss import NegativeBinomialLoss
from chtorch.lightning_module import DeepARLightningModule
from chtorch.module import RNNWithLocationEmbedding


class Estimator:
    def __init__(self, cfg: ModelConfiguration = ModelConfiguration()):
        self.cfg = cfg

    def train(self, dataset):
        train_loader, val_loader, n_locations, n_features = build_dataloaders(dataset, self.cfg)
        module = RNNWithLocationEmbedding(n_features, n_locations, self.cfg)
        lightning_module = DeepARLightningModule(module, NegativeBinomialLoss(), cfg=self.cfg)
        trainer = L.Trainer(max_epochs=self.cfg.max_epochs or 2500, accelerator="cpu")
        trainer.fit(lightning_module, train_loader, val_loader)
        return lightning_module
