# Idiom seen in: whaler404/Hf-Learn cookbook/distill_vit/main.py
# What it reproduces: the ViT distillation module with a no-decay split that tests the tensor rank
# (p.ndim < 2) and ViT's own norm names, so biases and every layernorm_* weight stay undecayed.
import pytorch_lightning as pl
import torch
import torch.nn.functional as F
from torch import nn
from transformers import AutoConfig, ViTForImageClassification


class DistillViT(pl.LightningModule):
    def __init__(self, teacher_name="google/vit-base-patch16-224", num_student_layers=3,
                 num_classes=3, temperature=3.0, alpha=0.5, lr=1e-4, weight_decay=0.05):
        super().__init__()
        self.save_hyperparameters()
        self.T = temperature
        self.alpha = alpha
        self.lr = lr
        self.weight_decay = weight_decay
        self.teacher = ViTForImageClassification.from_pretrained(teacher_name)
        for p in self.teacher.parameters():
            p.requires_grad = False
        s_config = AutoConfig.from_pretrained(teacher_name)
        s_config.num_hidden_layers = num_student_layers
        s_config.num_labels = num_classes
        self.student = ViTForImageClassification(s_config)
        self.ce = nn.CrossEntropyLoss()

    def training_step(self, batch, batch_idx):
        pixel_values, labels = batch["pixel_values"], batch["labels"]
        with torch.no_grad():
            t_logits = self.teacher(pixel_values=pixel_values).logits
        s_logits = self.student(pixel_values=pixel_values).logits
        kd = F.kl_div(F.log_softmax(s_logits / self.T, dim=-1),
                      F.softmax(t_logits / self.T, dim=-1), reduction="batchmean") * self.T ** 2
        loss = (1 - self.alpha) * self.ce(s_logits, labels) + self.alpha * kd
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        decay, no_decay = [], []
        for n, p in self.student.named_parameters():
            if not p.requires_grad:
                continue
            if p.ndim < 2 or "layernorm" in n or n.endswith(".bias"):
                no_decay.append(p)
            else:
                decay.append(p)
        optim = torch.optim.AdamW(
            [{"params": decay, "weight_decay": self.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}],
            lr=self.lr,
        )
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optim, T_max=self.trainer.max_epochs)
        return {"optimizer": optim, "lr_scheduler": scheduler}


if __name__ == "__main__":
    from prepare_dataset import train_loader, val_loader

    pl.Trainer(max_epochs=50).fit(DistillViT(), train_loader, val_loader)
