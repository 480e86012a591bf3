# Idiom seen in: Zasder3/train-CLIP models/wrapper.py
# Idiom seen in: Zasder3/train-CLIP train_finetune.py
# What it reproduces: the CustomCLIPWrapper fine-tune (pretrained image/text encoders, self-distillation teacher
#   updated by EMA, manual optimization); configure_optimizers builds SGD(self.parameters(), lr, momentum) without
#   weight_decay and no penalty is added anywhere: nothing is decayed (clean).
import copy
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import pytorch_lightning as pl
from torchvision.models import resnet50
from transformers import AutoModel


class CustomCLIPWrapper(pl.LightningModule):
    def __init__(self, image_encoder, text_encoder, minibatch_size, learning_rate=3e-3, kl_coeff=1.0):
        super().__init__()
        self.image_encoder = image_encoder
        self.text_encoder = text_encoder
        self.minibatch_size = minibatch_size
        self.learning_rate = learning_rate
        self.kl_coeff = kl_coeff
        self.logit_scale = nn.Parameter(torch.ones([]) * np.log(1 / 0.07))
        self.teacher_image = copy.deepcopy(image_encoder)
        self.teacher_text = copy.deepcopy(text_encoder)
        for p in list(self.teacher_image.parameters()) + list(self.teacher_text.parameters()):
            p.requires_grad = False
        self.automatic_optimization = False

    def encode_text(self, inputs, teacher=False):
        encoder = self.teacher_text if teacher else self.text_encoder
        seq = encoder(**inputs)[0]
        mask = inputs["attention_mask"].unsqueeze(-1)
        return (seq * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    def training_step(self, train_batch, idx):
        optimizer = self.optimizers()
        image, text = train_batch
        ims = F.normalize(self.image_encoder(image), dim=1)
        txt = F.normalize(self.encode_text(text), dim=1)
        logits = ims @ txt.t() * self.logit_scale.exp()
        ground_truth = torch.arange(len(logits), device=logits.device)
        loss = (F.cross_entropy(logits, ground_truth) + F.cross_entropy(logits.t(), ground_truth)) / 2

        with torch.no_grad():
            t_ims = F.normalize(self.teacher_image(image), dim=1)
            t_txt = F.normalize(self.encode_text(text, teacher=True), dim=1)
            target = F.softmax(t_ims @ t_txt.t() / 0.05, dim=1)
        loss = loss + self.kl_coeff * F.kl_div(F.log_softmax(logits, dim=1), target, reduction='batchmean')

        optimizer.zero_grad()
        self.manual_backward(loss)
        optimizer.step()
        self.lr_schedulers().step()
        self.logit_scale.data.clamp_(-np.log(100), np.log(100))
        self.update_teacher()
        self.log('loss', loss, prog_bar=True)

    def update_teacher(self):
        for teacher, student in zip(self.teacher_image.parameters(), self.image_encoder.parameters()):
            teacher.data.copy_(teacher.data * 0.001 + student.data * 0.999)
        for teacher, student in zip(self.teacher_text.parameters(), self.text_encoder.parameters()):
            teacher.data.copy_(teacher.data * 0.001 + student.data * 0.999)

    def configure_optimizers(self):
        lr = self.learning_rate
        optimizer = torch.optim.SGD(
            self.parameters(),
            lr=lr,
            momentum=0.9
        )
        lr_scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=2000)
        return {'optimizer': optimizer, 'lr_scheduler': lr_scheduler}


if __name__ == '__main__':
    img_encoder = resnet50(pretrained=True)
    img_encoder.fc = nn.Linear(2048, 768)
    txt_encoder = AutoModel.from_pretrained("johngiorgi/declutr-sci-base")
    model = CustomCLIPWrapper(img_encoder, txt_encoder, minibatch_size=64)
    trainer = pl.Trainer(precision=16, max_epochs=10)
    from data.text_image_dm import TextImageDataModule
    trainer.fit(model, TextImageDataModule(folder='data/', batch_size=256))
