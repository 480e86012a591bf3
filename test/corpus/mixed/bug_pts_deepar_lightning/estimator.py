# Idiom seen in: zalandoresearch/pytorch-ts pts/model/deepar/estimator.py
# What it reproduces: the estimator turns its own arguments (lr, weight_decay 1e-8 by default) into the
# LightningModule and fits it with a lightning Trainer; the decay reaches Adam in lightning_module.py.
import lightning.pytorch as pl
from gluonts.torch.distributions import StudentTOutput

from lightning_module import DeepARLightningModule
from data import make_training_loaders


class DeepAREstimator:
    def __init__(self, freq, prediction_length, context_length=None, num_layers=2, hidden_size=40,
                 dropout_rate=0.1, cardinality=(1,), num_feat_dynamic_real=4, lr=1e-3, weight_decay=1e-8,
                 patience=10, batch_size=32, trainer_kwargs=None):
        self.freq = freq
        self.prediction_length = prediction_length
        self.context_length = context_length or prediction_length
        self.model_kwargs = dict(freq=freq, context_length=self.context_length,
                                 prediction_length=prediction_length,
                                 num_feat_dynamic_real=num_feat_dynamic_real, num_feat_static_cat=len(cardinality),
                                 cardinality=list(cardinality), num_layers=num_layers, hidden_size=hidden_size,
                                 dropout_rate=dropout_rate, distr_output=StudentTOutput())
        self.lr = lr
        self.weight_decay = weight_decay
        self.patience = patience
        self.batch_size = batch_size
        self.trainer_kwargs = trainer_kwargs or {"max_epochs": 100}

    def create_lightning_module(self):
        return DeepARLightningModule(model_kwargs=self.model_kwargs, lr=self.lr,
                                     weight_decay=self.weight_decay, patience=self.patience)

    def train(self, training_data, validation_data=None):
        module = self.create_lightning_module()
        train_loader, val_loader = make_training_loaders(training_data, validation_data, self.batch_size)
        trainer = pl.Trainer(**self.trainer_kwargs)
        trainer.fit(module, train_dataloaders=train_loader, val_dataloaders=val_loader)
        return module


if __name__ == "__main__":
    from gluonts.dataset.repository.datasets import get_dataset

    dataset = get_dataset("electricity")
    estimator = DeepAREstimator(freq=dataset.metadata.freq, prediction_length=dataset.metadata.prediction_length,
                                cardinality=[int(dataset.metadata.feat_static_cat[0].cardinality)],
                                trainer_kwargs={"max_epochs": 20})
    estimator.train(dataset.train, dataset.test)
