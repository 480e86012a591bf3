# Idiom seen in: awslabs/gluonts src/gluonts/torch/model/deepar/lightning_module.py
# Idiom seen in: awslabs/gluonts src/gluonts/torch/model/deepar/estimator.py
# What it reproduces: the DeepAR LightningModule returns torch.optim.Adam(self.model.parameters(), lr, weight_decay)
#   from configure_optimizers: coupled L2 under Adam, on every LSTM/embedding/projection bias too (real repo).
from typing import Any, Dict, List, Optional

import pytorch_lightning as pl

from lightning_module import DeepARLightningModule
from module import DeepARModel
from gluonts_data import make_training_loader  # data loading/transformations, not part of this folder


class DeepAREstimator:
    def __init__(self, freq: str, prediction_length: int, context_length: Optional[int] = None,
                 num_layers: int = 2, hidden_size: int = 40, dropout_rate: float = 0.1,
                 cardinality: Optional[List[int]] = None, embedding_dimension: Optional[List[int]] = None,
                 lr: float = 1e-3, weight_decay: float = 1e-8, batch_size: int = 32,
                 num_batches_per_epoch: int = 50, trainer_kwargs: Optional[Dict[str, Any]] = None) -> None:
        self.freq = freq
        self.prediction_length = prediction_length
        self.context_length = context_length or prediction_length
        self.num_layers = num_layers
        self.hidden_size = hidden_size
        self.dropout_rate = dropout_rate
        self.cardinality = cardinality or [1]
        self.embedding_dimension = embedding_dimension or [min(50, (c + 1) // 2) for c in self.cardinality]
        self.lr = lr
        self.weight_decay = weight_decay
        self.batch_size = batch_size
        self.num_batches_per_epoch = num_batches_per_epoch
        self.trainer_kwargs = {"max_epochs": 100, **(trainer_kwargs or {})}

    def create_lightning_module(self) -> DeepARLightningModule:
        model = DeepARModel(freq=self.freq, context_length=self.context_length,
                            prediction_length=self.prediction_length, num_feat_dynamic_real=4,
                            cardinality=self.cardinality, embedding_dimension=self.embedding_dimension,
                            num_layers=self.num_layers, hidden_size=self.hidden_size,
                            dropout_rate=self.dropout_rate)
        return DeepARLightningModule(model=model, lr=self.lr, weight_decay=self.weight_decay)

    def train(self, training_data):
        module = self.create_lightning_module()
        loader = make_training_loader(training_data, self.batch_size, self.num_batches_per_epoch)
        trainer = pl.Trainer(**self.trainer_kwargs)
        trainer.fit(module, train_dataloaders=loader)
        return module


if __name__ == "__main__":
    from gluonts.dataset.repository import get_dataset

    dataset = get_dataset("electricity")
    estimator = DeepAREstimator(freq=dataset.metadata.freq, prediction_length=dataset.metadata.prediction_length,
                                trainer_kwargs={"max_epochs": 5})
    estimator.train(dataset.train)
