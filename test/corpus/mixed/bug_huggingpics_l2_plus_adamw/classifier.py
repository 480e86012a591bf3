# Idiom seen in: nateraw/huggingpics huggingpics/classifier.py
# What it reproduces: HuggingPics' LightningModule wrapping a Hugging Face ViT; the user switches
# configure_optimizers to AdamW(self.parameters(), weight_decay=0.01) but keeps an older explicit L2
# penalty in training_step: the weights are decayed twice, and LayerNorm/bias params by AdamW too.
import pytorch_lightning as pl
import torch
from torchmetrics import Accuracy


class Classifier(pl.LightningModule):
    def __init__(self, model, lr: float = 2e-5, weight_decay: float = 0.01, l2_lambda: float = 1e-5, **kwargs):
        super().__init__()
        self.save_hyperparameters('lr', 'weight_decay', 'l2_lambda', *list(kwargs))
        self.model = model
        self.forward = self.model.forward
        self.val_acc = Accuracy()

    def training_step(self, batch, batch_idx):
        outputs = self(**batch)
        l2 = sum(p.pow(2).sum() for p in self.model.parameters() if p.requires_grad)  # expect: WD201
        loss = outputs.loss + self.hparams.l2_lambda * l2
        self.log("train_loss", outputs.loss)
        self.log("train_l2", l2)
        return loss

    def validation_step(self, batch, batch_idx):
        outputs = self(**batch)
        self.log("val_loss", outputs.loss)
        acc = self.val_acc(outputs.logits.argmax(1), batch['labels'])
        self.log("val_acc", acc, prog_bar=True)
        return outputs.loss

    def configure_optimizers(self):
        return torch.optim.AdamW(
            self.parameters(),  # expect: WD203
            lr=self.hparams.lr,
            weight_decay=self.hparams.weight_decay,
        )
