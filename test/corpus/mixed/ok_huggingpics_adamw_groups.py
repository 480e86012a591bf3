# Idiom seen in: nateraw/huggingpics huggingpics/classifier.py
# What it reproduces: HuggingPics' LightningModule around a Hugging Face ViT, with configure_optimizers
# building two AdamW groups: tensors with ndim >= 2 decayed, biases and LayerNorm weights (ndim 1)
# with weight_decay 0.0; training_step returns the model's own loss. Clean.
import pytorch_lightning as pl
import torch
from torchmetrics import Accuracy


class Classifier(pl.LightningModule):
    def __init__(self, model, lr: float = 2e-5, weight_decay: float = 0.05, **kwargs):
        super().__init__()
        self.save_hyperparameters('lr', 'weight_decay', *list(kwargs))
        self.model = model
        self.forward = self.model.forward
        self.val_acc = Accuracy()

    def training_step(self, batch, batch_idx):
        outputs = self(**batch)
        self.log("train_loss", outputs.loss)
        return outputs.loss

    def validation_step(self, batch, batch_idx):
        outputs = self(**batch)
        self.log("val_loss", outputs.loss)
        acc = self.val_acc(outputs.logits.argmax(1), batch['labels'])
        self.log("val_acc", acc, prog_bar=True)
        return outputs.loss

    def configure_optimizers(self):
        decay, no_decay = [], []
        for name, param in self.model.named_parameters():
            if not param.requires_grad:
                continue
            if param.ndim < 2 or name.endswith(".bias"):
                no_decay.append(param)
            else:
                decay.append(param)
        return torch.optim.AdamW(
            [
                {"params": decay, "weight_decay": self.hparams.weight_decay},
                {"params": no_decay, "weight_decay": 0.0},
            ],
            lr=self.hparams.lr,
        )


if __name__ == "__main__":
    from transformers import ViTForImageClassification
    from huggingpics.data import build_loaders

    model = ViTForImageClassification.from_pretrained("google/vit-base-patch16-224-in21k", num_labels=5)
    train_loader, val_loader = build_loaders("images", batch_size=8)
    pl.Trainer(max_epochs=4).fit(Classifier(model), train_loader, val_loader)
