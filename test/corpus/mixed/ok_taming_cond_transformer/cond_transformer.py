# Idiom seen in: CompVis/taming-transformers taming/models/cond_transformer.py
# What it reproduces: the Net2NetTransformer LightningModule: frozen first-stage VQGAN, cross-entropy on the
# transformer's logits, and the minGPT-style configure_optimizers that puts Linear weights in a decay group (0.01)
# and biases, LayerNorm/Embedding weights and pos_emb in a no-decay group for AdamW: clean.

import torch
import torch.nn.functional as F
import pytorch_lightning as pl

from mingpt import GPT
from vqgan import VQModel


def disabled_train(self, mode=True):
    """Overwrite model.train with this function to make sure train/eval mode does not change anymore."""
    return self


class Net2NetTransformer(pl.LightningModule):
    def __init__(self, transformer_config, first_stage_ckpt, first_stage_key="image",
                 cond_stage_key="depth", pkeep=1.0, learning_rate=4.5e-6):
        super().__init__()
        self.first_stage_key = first_stage_key
        self.cond_stage_key = cond_stage_key
        model = VQModel.load_from_checkpoint(first_stage_ckpt).eval()
        model.train = disabled_train
        self.first_stage_model = model
        self.cond_stage_model = model
        self.transformer = GPT(**transformer_config)
        self.pkeep = pkeep
        self.learning_rate = learning_rate

    @torch.no_grad()
    def encode_to_z(self, x):
        quant_z, _, info = self.first_stage_model.encode(x)
        return quant_z, info[2].view(quant_z.shape[0], -1)

    def forward(self, x, c):
        _, z_indices = self.encode_to_z(x)
        _, c_indices = self.encode_to_z(c)
        if self.training and self.pkeep < 1.0:
            mask = torch.bernoulli(self.pkeep * torch.ones(z_indices.shape, device=z_indices.device))
            mask = mask.round().to(dtype=torch.int64)
            r_indices = torch.randint_like(z_indices, self.transformer.config.vocab_size)
            a_indices = mask * z_indices + (1 - mask) * r_indices
        else:
            a_indices = z_indices
        cz_indices = torch.cat((c_indices, a_indices), dim=1)
        logits, _ = self.transformer(cz_indices[:, :-1])
        logits = logits[:, c_indices.shape[1] - 1:]
        return logits, z_indices

    def get_input(self, key, batch):
        x = batch[key]
        if len(x.shape) == 3:
            x = x[..., None]
        return x.permute(0, 3, 1, 2).to(memory_format=torch.contiguous_format).float()

    def shared_step(self, batch, batch_idx):
        x = self.get_input(self.first_stage_key, batch)
        c = self.get_input(self.cond_stage_key, batch)
        logits, target = self(x, c)
        return F.cross_entropy(logits.reshape(-1, logits.size(-1)), target.reshape(-1))

    def training_step(self, batch, batch_idx):
        loss = self.shared_step(batch, batch_idx)
        self.log("train/loss", loss, prog_bar=True, logger=True, on_step=True, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        loss = self.shared_step(batch, batch_idx)
        self.log("val/loss", loss, prog_bar=True, logger=True, on_step=True, on_epoch=True)
        return loss

    def configure_optimizers(self):
        """Following minGPT: decay for Linear weights; no decay for biases, LayerNorm/Embedding weights, pos_emb."""
        decay = set()
        no_decay = set()
        whitelist_weight_modules = (torch.nn.Linear, )
        blacklist_weight_modules = (torch.nn.LayerNorm, torch.nn.Embedding)
        for mn, m in self.transformer.named_modules():
            for pn, p in m.named_parameters():
                fpn = '%s.%s' % (mn, pn) if mn else pn  # full param name
                if pn.endswith('bias'):
                    no_decay.add(fpn)
                elif pn.endswith('weight') and isinstance(m, whitelist_weight_modules):
                    decay.add(fpn)
                elif pn.endswith('weight') and isinstance(m, blacklist_weight_modules):
                    no_decay.add(fpn)

        # special case the position embedding parameter in the root GPT module as not decayed
        no_decay.add('pos_emb')

        param_dict = {pn: p for pn, p in self.transformer.named_parameters()}
        inter_params = decay & no_decay
        union_params = decay | no_decay
        assert len(inter_params) == 0, "parameters %s made it into both decay/no_decay sets!" % (str(inter_params), )
        assert len(param_dict.keys() - union_params) == 0, \
            "parameters %s were not separated into either decay/no_decay set!" % (str(param_dict.keys() - union_params), )

        optim_groups = [
            {"params": [param_dict[pn] for pn in sorted(list(decay))], "weight_decay": 0.01},
            {"params": [param_dict[pn] for pn in sorted(list(no_decay))], "weight_decay": 0.0},
        ]
        return torch.optim.AdamW(optim_groups, lr=self.learning_rate, betas=(0.9, 0.95))
