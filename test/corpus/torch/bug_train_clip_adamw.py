# Idiom seen in: Zasder3/train-CLIP models/wrapper.py
# Idiom seen in: Zasder3/train-CLIP models/model.py
# Idiom seen in: Zasder3/train-CLIP train.py
# What it reproduces: a Lightning CLIP wrapper with manual optimization whose configure_optimizers builds
#   AdamW(self.model.parameters(), weight_decay=0.2): the LayerNorm gains, biases, embeddings and logit_scale are all
#   decayed with the weights (the CLIP paper excludes gains and biases); the repo's own code.
import numpy as np
import torch
import torch.nn as nn
import math
import torch.nn.functional as F
import pytorch_lightning as pl
import yaml
from argparse import ArgumentParser
from pytorch_lightning import Trainer
from data.text_image_dm import TextImageDataModule


class ResidualAttentionBlock(nn.Module):
    def __init__(self, d_model, n_head):
        super().__init__()
        self.attn = nn.MultiheadAttention(d_model, n_head)
        self.ln_1 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(nn.Linear(d_model, d_model * 4), nn.GELU(), nn.Linear(d_model * 4, d_model))
        self.ln_2 = nn.LayerNorm(d_model)

    def forward(self, x):
        h = self.ln_1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class CLIP(nn.Module):
    def __init__(self, embed_dim=512, image_resolution=224, vision_width=768, vision_patch_size=32,
                 vision_layers=12, context_length=77, vocab_size=49408, transformer_width=512,
                 transformer_heads=8, transformer_layers=12):
        super().__init__()
        grid = image_resolution // vision_patch_size
        self.conv1 = nn.Conv2d(3, vision_width, vision_patch_size, vision_patch_size, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(vision_width) * vision_width ** -0.5)
        self.visual_pos = nn.Parameter(torch.randn(grid * grid + 1, vision_width) * 0.01)
        self.ln_pre = nn.LayerNorm(vision_width)
        self.visual = nn.Sequential(*[ResidualAttentionBlock(vision_width, vision_width // 64)
                                      for _ in range(vision_layers)])
        self.ln_post = nn.LayerNorm(vision_width)
        self.visual_proj = nn.Parameter(torch.randn(vision_width, embed_dim) * vision_width ** -0.5)

        self.token_embedding = nn.Embedding(vocab_size, transformer_width)
        self.positional_embedding = nn.Parameter(torch.empty(context_length, transformer_width).normal_(std=0.01))
        self.transformer = nn.Sequential(*[ResidualAttentionBlock(transformer_width, transformer_heads)
                                           for _ in range(transformer_layers)])
        self.ln_final = nn.LayerNorm(transformer_width)
        self.text_projection = nn.Parameter(torch.randn(transformer_width, embed_dim) * transformer_width ** -0.5)
        self.logit_scale = nn.Parameter(torch.ones([]) * np.log(1 / 0.07))

    def encode_image(self, image):
        x = self.conv1(image).flatten(2).permute(0, 2, 1)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = self.ln_pre(torch.cat([cls, x], dim=1) + self.visual_pos).permute(1, 0, 2)
        x = self.visual(x).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.visual_proj

    def encode_text(self, text):
        x = (self.token_embedding(text) + self.positional_embedding).permute(1, 0, 2)
        x = self.ln_final(self.transformer(x).permute(1, 0, 2))
        return x[torch.arange(x.shape[0]), text.argmax(dim=-1)] @ self.text_projection


class CLIPWrapper(pl.LightningModule):
    def __init__(self, model_name: str, config: dict, minibatch_size: int):
        super().__init__()
        self.model_name = model_name
        self.model = CLIP(**config)
        self.minibatch_size = minibatch_size
        self.isViT = 'ViT' in self.model_name
        self.automatic_optimization = False

    def training_step(self, train_batch, idx):
        optimizer = self.optimizers()
        image, text = train_batch
        n = math.ceil(len(image) // self.minibatch_size) if self.minibatch_size > 0 else 1
        image_mbs, text_mbs = torch.chunk(image, n), torch.chunk(text, n)

        with torch.no_grad():
            ims = torch.cat([F.normalize(self.model.encode_image(im), dim=1) for im in image_mbs])
            txt = torch.cat([F.normalize(self.model.encode_text(t), dim=1) for t in text_mbs])
            logits = ims @ txt.t() * self.model.logit_scale.exp()
            ground_truth = torch.arange(len(logits), device=logits.device)
            self.log('loss', (F.cross_entropy(logits, ground_truth) + F.cross_entropy(logits.t(), ground_truth)) / 2)

        optimizer.zero_grad()
        for j, mb in enumerate(image_mbs):
            ims_tmp = ims.clone()
            ims_tmp[j * self.minibatch_size:(j + 1) * self.minibatch_size] = F.normalize(self.model.encode_image(mb), dim=1)
            logits = ims_tmp @ txt.t() * self.model.logit_scale.exp()
            loss = (F.cross_entropy(logits, ground_truth) + F.cross_entropy(logits.t(), ground_truth)) / 2
            self.manual_backward(loss)
        for j, mb in enumerate(text_mbs):
            txt_tmp = txt.clone()
            txt_tmp[j * self.minibatch_size:(j + 1) * self.minibatch_size] = F.normalize(self.model.encode_text(mb), dim=1)
            logits = ims @ txt_tmp.t() * self.model.logit_scale.exp()
            loss = (F.cross_entropy(logits, ground_truth) + F.cross_entropy(logits.t(), ground_truth)) / 2
            self.manual_backward(loss)

        optimizer.step()
        self.lr_schedulers().step()
        self.model.logit_scale.data.clamp_(-np.log(100), np.log(100))

    def configure_optimizers(self):
        lr = {"RN50": 5e-4, "ViT-B/32": 5e-4, "ViT-B/16": 5e-4, "ViT-L/14": 4e-4}[self.model_name]
        optimizer = torch.optim.AdamW(
            self.model.parameters(),  # expect: WD203
            lr=lr,
            betas=(0.9, 0.98 if self.isViT else 0.999),
            eps=1e-6 if self.isViT else 1e-8,
            weight_decay=0.2
        )
        lr_scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=2000)
        return {'optimizer': optimizer, 'lr_scheduler': lr_scheduler}


def main(hparams):
    config_dir = 'models/configs/ViT.yaml' if 'ViT' in hparams.model_name else 'models/configs/RN.yaml'
    with open(config_dir) as fin:
        config = yaml.safe_load(fin)[hparams.model_name]

    if hparams.minibatch_size < 1:
        hparams.minibatch_size = hparams.batch_size

    model = CLIPWrapper(hparams.model_name, config, hparams.minibatch_size)
    dm = TextImageDataModule.from_argparse_args(hparams)
    trainer = Trainer(precision=16, max_epochs=32)
    trainer.fit(model, dm)


if __name__ == '__main__':
    parser = ArgumentParser()
    parser.add_argument('--model_name', type=str, required=True)
    parser.add_argument('--minibatch_size', type=int, default=0)
    parser.add_argument('--batch_size', type=int, default=256)
    parser.add_argument('--folder', type=str, default='data/')
    args = parser.parse_args()
    main(args)
