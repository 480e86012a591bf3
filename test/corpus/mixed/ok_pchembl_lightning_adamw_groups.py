# Idiom seen in: jcathalina/Rxitect src/rxitect/models/pchembl_val_predictor.py
# What it reproduces: the pChEMBL bioactivity regressor (embedding -> packed LSTM encoder -> MLP) as a
# LightningModule; configure_optimizers builds AdamW with two groups, decay only for >= 2-D weights
# and 0.0 for biases (a user's improvement over the repo's plain Adam), and training_step returns the
# MSE that Lightning back-propagates: one decoupled decay, no norms or biases decayed: clean.
import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from rxitect.data import PChEMBLDataModule  # not part of this workspace


class LSTMEncoder(nn.Module):
    def __init__(self, input_dim, encoder_dim, num_layers, dropout):
        super().__init__()
        self.rnn = nn.LSTM(input_size=input_dim, hidden_size=encoder_dim, num_layers=num_layers,
                           dropout=dropout, batch_first=True)

    def forward(self, embedded, lengths):
        packed = pack_padded_sequence(embedded, lengths.cpu(), batch_first=True, enforce_sorted=False)
        output, _ = self.rnn(packed)
        output, _ = pad_packed_sequence(output, batch_first=True)
        index_t = (lengths - 1).to(dtype=torch.long).view(-1, 1, 1).expand(-1, 1, output.size(2))
        return torch.gather(output, dim=1, index=index_t).squeeze(1)


class PChEMBLValueRegressor(pl.LightningModule):
    def __init__(self, lr: float = 1e-3, weight_decay: float = 1e-2, vocab_size: int = 128):
        super().__init__()
        self.save_hyperparameters()
        self.criterion = nn.MSELoss()
        self.embedding = nn.Embedding(num_embeddings=vocab_size, embedding_dim=128)
        self.encoder = LSTMEncoder(input_dim=128, encoder_dim=128, num_layers=2, dropout=0.8)
        self.input_layer = nn.Linear(128, 128)
        self.out_layer = nn.Linear(128, 1)

    def forward(self, tokens, lengths):
        hidden = self.encoder(self.embedding(tokens.long()), lengths)
        return self.out_layer(F.relu(self.input_layer(hidden)))

    def configure_optimizers(self):
        decay, no_decay = [], []
        for name, param in self.named_parameters():
            if not param.requires_grad:
                continue
            if param.ndim < 2 or name.endswith("bias"):
                no_decay.append(param)
            else:
                decay.append(param)
        optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": self.hparams.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}],
            lr=self.hparams.lr)
        scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.98)
        return [optimizer], [scheduler]

    def training_step(self, batch, batch_idx):
        y_pred = self(batch["tokenized_smiles"], batch["length"]).squeeze(-1)
        loss = self.criterion(y_pred, batch["labels"])
        self.log("train_loss", loss)
        return loss

    def test_step(self, batch, batch_idx):
        y_pred = self(batch["tokenized_smiles"], batch["length"]).squeeze(-1)
        self.log("test_loss", self.criterion(y_pred, batch["labels"]))


if __name__ == "__main__":
    dm = PChEMBLDataModule(target="CHEMBL226", batch_size=256)
    model = PChEMBLValueRegressor()
    trainer = pl.Trainer(max_epochs=50, accelerator="auto")
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm)
