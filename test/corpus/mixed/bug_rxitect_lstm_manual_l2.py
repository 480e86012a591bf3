# Idiom seen in: jcathalina/Rxitect src/rxitect/models/lightning/generator.py
# What it reproduces: the SMILES LSTM generator as a LightningModule with manual optimization
# (self.optimizers(), self.manual_backward). A user (realistic edit, the repo uses plain Adam) gives Adam a
# weight_decay AND adds an explicit L2 over self.parameters() to the likelihood loss: every weight is
# decayed twice, Adam's part is coupled L2, and the LSTM/Linear biases and the embedding are decayed too.
from typing import Tuple

import pytorch_lightning as pl
import torch

from rxitect.structs.vocabulary import Vocabulary  # not part of this workspace
from rxitect.data import SmilesDataModule  # not part of this workspace


class Generator(pl.LightningModule):
    def __init__(self, vocabulary: Vocabulary, embed_size: int = 128, hidden_size: int = 512,
                 lr: float = 1e-3, weight_decay: float = 1e-5, l2_lambda: float = 1e-5, is_lstm: bool = True):
        super().__init__()
        self.voc = vocabulary
        self.embed_size = embed_size
        self.hidden_size = hidden_size
        self.lr = lr
        self.weight_decay = weight_decay
        self.l2_lambda = l2_lambda

        self.embed = torch.nn.Embedding(vocabulary.size, embed_size)
        RNN_TYPE = torch.nn.LSTM if is_lstm else torch.nn.GRU
        self.rnn = RNN_TYPE(embed_size, hidden_size, num_layers=3, batch_first=True)
        self.linear = torch.nn.Linear(hidden_size, vocabulary.size)
        self.automatic_optimization = False

    def forward(self, x, h):
        output = self.embed(x.unsqueeze(-1))
        output, h_out = self.rnn(output, h)
        output = self.linear(output).squeeze(1)
        return output, h_out

    def init_h(self, batch_size: int) -> Tuple[torch.Tensor, torch.Tensor]:
        h = torch.rand(3, batch_size, self.hidden_size, device=self.device)
        c = torch.rand(3, batch_size, self.hidden_size, device=self.device)
        return h, c

    def likelihood(self, target: torch.Tensor) -> torch.Tensor:
        batch_size, seq_len = target.size()
        x = torch.tensor([self.voc.tk2ix["GO"]] * batch_size, dtype=torch.long, device=self.device)
        h = self.init_h(batch_size)
        scores = torch.zeros(batch_size, seq_len, device=self.device)
        for step in range(seq_len):
            logits, h = self(x, h)
            logits = logits.log_softmax(dim=-1)
            scores[:, step] = logits.gather(1, target[:, step:step + 1]).squeeze()
            x = target[:, step]
        return scores

    def configure_optimizers(self):
        optimizer = torch.optim.Adam(self.parameters(), lr=self.lr, weight_decay=self.weight_decay)  # expect: WD202, WD203
        return optimizer

    def training_step(self, batch, batch_idx):
        opt = self.optimizers()
        opt.zero_grad()
        loss = self.likelihood(batch)
        loss = -loss.mean()
        l2 = self.l2_lambda * sum(p.pow(2).sum() for p in self.parameters())  # expect: WD201
        loss = loss + l2
        self.manual_backward(loss)
        opt.step()
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        loss = -self.likelihood(batch).mean()
        self.log("val_loss", loss)
        return loss


if __name__ == "__main__":
    voc = Vocabulary("data/processed/chembl_voc.txt")
    dm = SmilesDataModule(dataset_filepath="data/processed/chembl_v30_clean.smi", vocabulary=voc, batch_size=128)
    net = Generator(vocabulary=voc)
    trainer = pl.Trainer(max_epochs=5, accelerator="auto")
    trainer.fit(net, datamodule=dm)
