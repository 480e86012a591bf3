# Idiom seen in: whaler404/Hf-Learn cookbook/distill_vit/main.py
# What it reproduces: the ViT distillation module copies BERT's no-decay names ('bias',
# 'LayerNorm.weight'); ViT names its norms layernorm_before/layernorm_after/layernorm, so the
# decayed AdamW group still holds every ViT LayerNorm weight.
import pytorch_lightning as pl
import torch
import torch.nn.functional as F
from torch import nn
from transformers import ViTForImageClassification


class DistillViT(pl.LightningModule):
    def __init__(self, teacher_name="google/vit-base-patch16-224",
                 student_name="WinKawaii/vit-small-patch16-224", num_classes=3,
                 temperature=3.0, alpha=0.5, lr=1e-4, weight_decay=0.05):
        super().__init__()
        self.save_hyperparameters()
        self.T = temperature
        self.alpha = alpha
        self.lr = lr
        self.weight_decay = weight_decay
        self.teacher = ViTForImageClassification.from_pretrained(teacher_name)
        self.teacher.requires_grad_(False)
        self.teacher.eval()
        self.student = ViTForImageClassification.from_pretrained(
            student_name, num_labels=num_classes, ignore_mismatched_sizes=True)
        self.ce = nn.CrossEntropyLoss()

    def training_step(self, batch, batch_idx):
        pixel_values, labels = batch["pixel_values"], batch["labels"]
        with torch.no_grad():
            t_logits = self.teacher(pixel_values=pixel_values).logits
        s_logits = self.student(pixel_values=pixel_values).logits
        kd = F.kl_div(F.log_softmax(s_logits / self.T, dim=-1),
                      F.softmax(t_logits / self.T, dim=-1), reduction="batchmean") * self.T ** 2
        loss = (1 - self.alpha) * self.ce(s_logits, labels) + self.alpha * kd
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        no_decay = ["bias", "LayerNorm.weight"]
        named = list(self.student.named_parameters())
        decay = [p for n, p in named if not any(nd in n for nd in no_decay)]
        skip = [p for n, p in named if any(nd in n for nd in no_decay)]
        optim = torch.optim.AdamW(
            [
                {"params": decay, "weight_decay": self.weight_decay},  # expect: WD203
                {"params": skip, "weight_decay": 0.0},
            ],
            lr=self.lr,
            betas=(0.9, 0.999),
        )
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optim, T_max=self.trainer.max_epochs)
        return {"optimizer": optim, "lr_scheduler": scheduler}


def main():
    from prepare_dataset import train_loader, val_loader

    model = DistillViT(num_classes=3)
    trainer = pl.Trainer(max_epochs=50, precision="16-mixed", gradient_clip_val=1.0)
    trainer.fit(model, train_loader, val_loader)


if __name__ == "__main__":
    main()
